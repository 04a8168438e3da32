package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Holder says who has a residence open for writing: written into the lock
// file beside the residence so that a second program can name him.
type Holder struct {
	Host    string    `json:"host"`
	PID     int       `json:"pid"`
	User    string    `json:"user,omitempty"`
	Program string    `json:"program,omitempty"`
	Since   time.Time `json:"since"`
}

// String is the holder in French: "Tantième sur le poste « bureau »
// (processus 1234, utilisateur jean), depuis le 22/11/2026 à 14:03".
func (h Holder) String() string {
	prog := h.Program
	if prog == "" {
		prog = "Tantième"
	}
	who := fmt.Sprintf("processus %d", h.PID)
	if h.User != "" {
		who += ", utilisateur " + h.User
	}
	s := fmt.Sprintf("%s sur le poste « %s » (%s)", prog, h.Host, who)
	if !h.Since.IsZero() {
		s += fmt.Sprintf(", depuis le %s à %s", h.Since.Local().Format("02/01/2006"), h.Since.Local().Format("15:04"))
	}
	return s
}

// BusyError says a residence is open for writing by another program. The UI
// offers to open it read-only instead.
type BusyError struct {
	File   string
	Holder Holder
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("« %s » est déjà ouverte par %s : fermez-la là-bas, ou ouvrez-la en lecture seule", filepath.Base(e.File), e.Holder)
}

// Program names the running program in the lock file ("Tantième",
// "tantieme-cli"); set once by main.
var Program = "Tantième"

// LockPath is the lock file of a residence: "Les Tilleuls.copro.lock".
func LockPath(file string) string { return file + ".lock" }

// writerLock is held by the one program that may write a residence. The
// operating system's lock on the open lock file is what counts: it dies with
// the process, so a lock file left by a crash is recognised as stale (its
// content names a holder, yet nobody holds the lock) and taken over.
//
// On a network share (a residence on the council's NAS) the same lock
// holds as long as the share's own locks work, which SQLite's locking of
// the residence itself needs as well:
//   - Windows (LockFileEx, writer_lock_windows.go): byte-range locks are
//     sent to the SMB server and enforced there for every client (the
//     protocol allows locking past the end of the file, where lockOffset
//     is); the server drops them when a crashed client's session ends.
//   - Linux and macOS (flock, writer_lock_unix.go): on NFS, Linux has sent
//     flock as a whole-file byte-range lock to the server since 2.6.12 (NLM
//     for NFSv3, in the protocol for NFSv4), and Linux's SMB client (cifs)
//     has sent it as an SMB lock since 5.5.
//   - A share whose locks are refused (flock fails: ENOLCK, ENOTSUP) falls
//     back on the lock file's existence, created with O_EXCL, which SMB and
//     NFS (v3 and later) both make atomic on the server: only the program
//     that created the file holds it; a holder of this machine that is gone
//     is taken over; one of another machine is never taken over (whether it
//     still runs cannot be told from here).
//   - A share mounted with locks kept on the client only (NFS `nolock` or
//     `local_lock=`, cifs `nobrl`) cannot protect a residence from another
//     computer, neither here nor in SQLite: such mounts are not supported.
type writerLock struct {
	f     *os.File
	stale *Holder // the holder a crash left in the file, if any
}

// tryLock is the system's lock on an open file; tests replace it to stand
// for a share without locks.
var tryLock = tryLockFile

// acquireWriterLock takes the writer lock of file, or says who holds it.
func acquireWriterLock(file string) (*writerLock, error) {
	path := LockPath(file)
	for attempt := 0; attempt < 5; attempt++ {
		// Created exclusively when absent: without file locks, being the
		// one who created it is what holds it.
		created := true
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			created = false
			f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		}
		if err != nil {
			return nil, Wrap(Locked, err, "Le verrou « %s » ne peut pas être créé : le dossier de la résidence est-il en lecture seule ? Ouvrez-la en lecture seule", filepath.Base(path))
		}
		held, err := tryLock(f)
		if err != nil {
			// The file system has no locks (some network shares): the
			// file's creator holds it, and a holder of this machine that
			// is gone is taken over. An empty file that another program
			// created is being taken right now: not ours.
			h := readHolder(f)
			held = created || (h != nil && !holderAlive(h))
		}
		if !held {
			h := readHolder(f)
			f.Close()
			if h == nil && attempt < 4 {
				// Locked but empty: its holder is letting it go right now.
				time.Sleep(50 * time.Millisecond)
				continue
			}
			if h == nil {
				h = &Holder{Host: "?"}
			}
			return nil, &Error{Kind: Locked, Msg: (&BusyError{File: file, Holder: *h}).Error(), Err: &BusyError{File: file, Holder: *h}}
		}
		// The file may have been removed by its last holder between our
		// open and our lock: then we locked a file nobody else will see.
		if st, err := os.Stat(path); err != nil || !sameFile(f, st) {
			unlockFile(f)
			f.Close()
			continue
		}
		l := &writerLock{f: f}
		if h := readHolder(f); h != nil {
			l.stale = h
		}
		if err := l.write(); err != nil {
			l.release()
			return nil, err
		}
		return l, nil
	}
	return nil, Errorf(Locked, "Le verrou « %s » change sans cesse : un autre programme ouvre et ferme la résidence", filepath.Base(path))
}

func sameFile(f *os.File, st os.FileInfo) bool {
	fst, err := f.Stat()
	return err == nil && os.SameFile(fst, st)
}

// write puts this program's name in the lock file.
func (l *writerLock) write() error {
	host, _ := os.Hostname()
	h := Holder{Host: host, PID: os.Getpid(), User: userName(), Program: Program, Since: time.Now().Truncate(time.Second)}
	body, _ := json.Marshal(h)
	if err := l.f.Truncate(0); err != nil {
		return Wrap(Internal, err, "Le verrou de la résidence ne peut pas être écrit")
	}
	if _, err := l.f.WriteAt(append(body, '\n'), 0); err != nil {
		return Wrap(Internal, err, "Le verrou de la résidence ne peut pas être écrit")
	}
	l.f.Sync()
	return nil
}

// release empties the lock file (an empty file is a clean release), lets
// the lock go and removes the file.
func (l *writerLock) release() {
	if l == nil || l.f == nil {
		return
	}
	name := l.f.Name()
	l.f.Truncate(0)
	// Remove while still holding the lock, so that nobody locks the old
	// file in between; whoever opened it already sees it vanish (sameFile).
	os.Remove(name)
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}

func readHolder(f *os.File) *Holder {
	body, err := io.ReadAll(io.NewSectionReader(f, 0, 64<<10))
	if err != nil || len(strings.TrimSpace(string(body))) == 0 {
		return nil
	}
	var h Holder
	if json.Unmarshal(body, &h) != nil {
		return &Holder{Host: "?"}
	}
	return &h
}

// holderAlive guesses, without the system's locks, whether h still runs:
// only a process of this machine can be checked.
func holderAlive(h *Holder) bool {
	if h == nil {
		return false
	}
	host, _ := os.Hostname()
	if h.Host != host {
		return true // cannot tell: assume it runs, never take it over
	}
	return processAlive(h.PID)
}

func userName() string {
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if u := os.Getenv(v); u != "" {
			return u
		}
	}
	return ""
}

// Busy returns the holder when err says the residence is open elsewhere.
func Busy(err error) (*BusyError, bool) {
	var b *BusyError
	ok := errors.As(err, &b)
	return b, ok
}
