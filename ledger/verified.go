package ledger

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Every opening checks the whole file (integrity.go), and SQLite's
// quick_check is most of its price: 0.3 s on a 200,000-line residence. A
// file that has not changed by a single byte since it last passed that
// check need not pass it again, so the state of a verified file is
// remembered outside it (app keeps it in the user's settings folder) and
// the quick check, and the sum of the day totals that proves the books
// balance, are skipped only when the file is, byte for byte, the one
// remembered. The schema is still checked at every opening (a few
// milliseconds).
//
// What is compared, and why. In rollback-journal mode every write
// transaction of any program using SQLite bumps the header's change
// counter, so the counter alone catches the sqlite3 CLI and other
// programs. It does not catch a change that bypasses SQLite: a copy of
// another residence with the same counter over the file, a restore of an
// older copy, a byte flipped by a disk, a program that rewrites pages and
// puts the counter back. Sampling a few pages would miss most of those, so
// the whole file is read and its CRC-32C computed: with the processor's
// CRC instruction that is about 4 GB/s, 22 ms for the 95 MB benchmark
// residence read from the system's cache, a tenth of the quick check. It
// is read once per opening; the second look, after the check, compares
// only the size, time and header (unchanged below). CRC-32C catches
// every error of up to 32 consecutive bits and misses a random change once
// in 4 billion; it is no defence against someone who forges a file to
// match it on purpose, but such a person can as well edit the remembered
// states, which live in a file of the user's. The size, modification time,
// the counter, the header's version-valid-for number and a SHA-256 of the
// 100-byte header are compared too: any one that differs means a full
// check.
//
// When it is remembered: by a read-only opening as soon as its full check
// passed; else at a clean close (Close), after an opening whose check
// passed (fully, or skipped on an exact match), when nothing but this
// connection wrote the file meanwhile: SQLite's data_version has not moved
// (it moves when another connection commits) and the header's counter is
// the one read after this connection's last commit. A session that wrote
// nothing remembers the state read at its opening again, CRC included, so
// whatever happened to the file meanwhile is still compared at the next
// opening; a session that wrote reads the whole file again at its close.
// Opening for writing forgets the state first, so a crash (no clean close)
// leaves nothing remembered and the next opening is a full check.
//
// What is not caught: a change made during a session that wrote, without
// SQLite, that leaves the change counter as this connection last left it
// (a copy over the file with that very counter, a disk spoiling a page
// while the file is open for writing): the state read at close includes
// it, and the next opening's quick check is skipped.

// FileState is what is remembered of a residence file that passed its
// integrity check.
type FileState struct {
	File     string    `json:"file"` // absolute path
	Size     int64     `json:"size"`
	ModTime  time.Time `json:"mtime"`
	Counter  uint32    `json:"counter"`   // file change counter, header bytes 24–27
	ValidFor uint32    `json:"valid_for"` // version-valid-for number, header bytes 92–95
	Header   string    `json:"header"`    // SHA-256 of the 100-byte header, hex
	CRC      uint32    `json:"crc32c"`    // CRC-32C of the whole file
}

// Same says whether s and o describe the same file, byte for byte as far
// as the state can tell.
func (s FileState) Same(o FileState) bool {
	return s.File == o.File && s.Size == o.Size && s.ModTime.Equal(o.ModTime) && s.Counter == o.Counter &&
		s.ValidFor == o.ValidFor && s.Header == o.Header && s.CRC == o.CRC
}

// VerifiedStore remembers, outside the residence files, the states of the
// files that passed their integrity check. It is kept by the caller
// (ledger writes nowhere but in the residence); a store that loses a state
// only costs a full check.
type VerifiedStore interface {
	Verified(file string) (FileState, bool)
	Remember(s FileState)
	Forget(file string)
}

// Options are how a residence is opened.
type Options struct {
	// Verified, when set, lets an opening skip SQLite's quick check of a
	// file that is exactly as it was when it last passed it (verified.go).
	Verified VerifiedStore
}

// Open is ledger.Open with these options.
func (o Options) Open(file string) (*DB, error) { return openWith(file, modeWrite, o) }

// OpenReadOnly is ledger.OpenReadOnly with these options.
func (o Options) OpenReadOnly(file string) (*DB, error) { return openWith(file, modeRead, o) }

// OpenInspect is ledger.OpenInspect with these options.
func (o Options) OpenInspect(file string) (*DB, error) { return openWith(file, modeInspect, o) }

// QuickCheckSkipped says whether this opening skipped SQLite's quick check
// because the file was exactly as remembered when it last passed it.
func (d *DB) QuickCheckSkipped() bool { return d.skipped }

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// headerSize is SQLite's database header.
const headerSize = 100

// readFileState reads the state of the file open as f, named abs.
func readFileState(f *os.File, abs string) (FileState, error) {
	st, err := f.Stat()
	if err != nil {
		return FileState{}, err
	}
	s := FileState{File: abs, Size: st.Size(), ModTime: st.ModTime()}
	h := crc32.New(castagnoli)
	head := &prefix{max: headerSize}
	n, err := io.Copy(io.MultiWriter(h, head), io.NewSectionReader(f, 0, 1<<62))
	if err != nil {
		return FileState{}, err
	}
	if n != s.Size || len(head.b) < headerSize {
		return FileState{}, io.ErrUnexpectedEOF // changing under us, or no header: no state
	}
	s.CRC = h.Sum32()
	s.Counter = binary.BigEndian.Uint32(head.b[24:28])
	s.ValidFor = binary.BigEndian.Uint32(head.b[92:96])
	sum := sha256.Sum256(head.b)
	s.Header = hex.EncodeToString(sum[:])
	return s, nil
}

// prefix keeps the first max bytes written to it.
type prefix struct {
	b   []byte
	max int
}

func (p *prefix) Write(b []byte) (int, error) {
	if k := p.max - len(p.b); k > 0 {
		p.b = append(p.b, b[:min(k, len(b))]...)
	}
	return len(b), nil
}

// readCounter reads the header's file change counter through f.
func readCounter(f *os.File) (uint32, bool) {
	var b [4]byte
	if _, err := f.ReadAt(b[:], 24); err != nil {
		return 0, false
	}
	return binary.BigEndian.Uint32(b[:]), true
}

// hotJournal says whether a rollback journal with content lies beside the
// file: an unfinished write, never a file to trust without a full check.
func hotJournal(file string) bool {
	st, err := os.Stat(file + "-journal")
	return err == nil && st.Size() > 0
}

// absFile is file's absolute, cleaned path ("" when it cannot be had): the
// key of the remembered states.
func absFile(file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	return abs
}

// verifier is what an opening with a store keeps to remember the file's
// state at a clean close.
type verifier struct {
	store   VerifiedStore
	abs     string
	head    *os.File // kept open until SQLite has closed: see close
	opened  FileState
	counter uint32     // the change counter after this connection's last write
	version int64      // PRAGMA data_version after the opening
	ok      bool       // the opening's check passed
	read    chan error // the state's reading is done (startVerifier)
	// remembered is the store's state for the file at startVerifier, if found.
	remembered FileState
	found      bool
}

// startVerifier starts reading the file's state as SQLite opens it, in
// the background: the whole file's CRC (about 17 ms for the 95 MB benchmark
// residence) is read on the second processor while the connection is made
// and the schema checked, and wait says whether it is exactly the
// remembered one before anything else is checked or skipped. Reading beside
// SQLite changes nothing of what is compared: SQLite only reads while it
// opens, and unchanged, once SQLite is idle, compares the file with this
// state again. It returns nil when nothing can be remembered (no store, no
// absolute path, an unreadable file).
func startVerifier(store VerifiedStore, file string) *verifier {
	if store == nil {
		return nil
	}
	abs := absFile(file)
	if abs == "" {
		return nil
	}
	if hotJournal(file) {
		// An unfinished write: SQLite rolls it back, the file is checked
		// in full and nothing is remembered from this opening.
		store.Forget(abs)
		return nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	// The remembered state is taken now: a writing opening forgets it
	// before the reading is done.
	remembered, found := store.Verified(abs)
	v := &verifier{store: store, abs: abs, head: f, read: make(chan error, 1), remembered: remembered, found: found}
	go func() {
		s, err := readFileState(f, abs)
		v.opened, v.counter = s, s.Counter
		v.read <- err // buffered: an opening that fails first never waits
	}()
	return v
}

// wait waits for the state's reading and says whether it succeeded and
// whether the file is exactly the remembered one.
func (v *verifier) wait() (read, known bool) {
	if err := <-v.read; err != nil {
		return false, false
	}
	return true, v.found && v.remembered.Same(v.opened)
}

// unchanged says whether the file still looks like the one read at start:
// same size, time and header (its change counter included). It is read
// again once SQLite is idle (nothing locked, see closeVerified) and costs
// no second reading of the whole file: SQLite, the sqlite3 shell, a copy
// or a restore all change one of them.
func (v *verifier) unchanged() bool {
	st, err := v.head.Stat()
	if err != nil || st.Size() != v.opened.Size || !st.ModTime().Equal(v.opened.ModTime) {
		return false
	}
	var head [headerSize]byte
	if _, err := v.head.ReadAt(head[:], 0); err != nil {
		return false
	}
	sum := sha256.Sum256(head[:])
	return hex.EncodeToString(sum[:]) == v.opened.Header
}

// noteWrite reads the change counter after this connection committed.
func (v *verifier) noteWrite() {
	if v == nil {
		return
	}
	if c, ok := readCounter(v.head); ok {
		v.counter = c
	} else {
		v.ok = false
	}
}

// dataVersion is SQLite's data_version of the connection: it changes when
// another connection commits to the file.
func (d *DB) dataVersion() (int64, error) {
	var n int64
	err := d.sql.QueryRow("PRAGMA data_version").Scan(&n)
	return n, err
}

// closeVerified closes SQLite and remembers the file's state when it may
// (see the top of this file). The file descriptor is closed only after
// SQLite's: on Unix, closing any descriptor of a file drops the process's
// fcntl locks on it, SQLite's included.
func (d *DB) closeVerified(v *verifier) error {
	keep := v.ok && len(d.damage) == 0
	if keep {
		n, err := d.dataVersion()
		keep = err == nil && n == v.version
	}
	err := d.sql.Close()
	defer v.head.Close()
	if !keep || err != nil {
		return err
	}
	if v.counter == v.opened.Counter {
		// Nothing written: the state read at opening is remembered again
		// if the file still looks the same. Its CRC is the one of the
		// opening, so a change that does not show here (a page spoilt by
		// the disk meanwhile) still fails the next opening's comparison.
		if v.unchanged() {
			v.store.Remember(v.opened)
		}
		return err
	}
	s, rerr := readFileState(v.head, v.abs)
	if rerr != nil || s.Counter != v.counter {
		return err
	}
	v.store.Remember(s)
	return err
}
