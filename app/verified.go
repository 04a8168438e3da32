package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"

	"tantieme/internal/desktop"
	"tantieme/ledger"
)

// The residence files that last passed their integrity check, as they
// were then (ledger/verified.go): an opening skips SQLite's quick check of
// a file that is still exactly so. They are kept in the user's settings
// folder, outside the residence, so that nothing in a file vouches for
// itself. Losing this list, or any part of it, costs a full check and
// nothing else; a state can only make an opening skip the check when the
// file is, byte for byte, the one described, which is why the list needs
// no more care than the other logs (no sync to disk; two programs writing
// it at once lose an update at worst).

// maxVerifiedFiles bounds the list: the files opened last are kept.
const maxVerifiedFiles = 64

// maxVerifiedBytes bounds what is read of the list: a bigger file is not
// Tantième's and is ignored.
const maxVerifiedBytes = 1 << 20

var verifiedMu sync.Mutex

// verifiedStore is the list in the settings folder; with no settings
// folder nothing is remembered and every opening is a full check.
type verifiedStore struct{ path string }

// openOptions are how the window and the CLI open residences.
func openOptions() ledger.Options {
	return ledger.Options{Verified: verifiedStore{path: desktop.Where().Verified}}
}

func (s verifiedStore) read() []ledger.FileState {
	var out []ledger.FileState
	if s.path == "" {
		return nil
	}
	b, err := os.ReadFile(s.path)
	if err != nil || len(b) > maxVerifiedBytes || json.Unmarshal(b, &out) != nil {
		return nil
	}
	return out
}

func (s verifiedStore) write(all []ledger.FileState) {
	if len(all) > maxVerifiedFiles {
		all = all[len(all)-maxVerifiedFiles:]
	}
	b, err := json.MarshalIndent(all, "", "  ")
	if err != nil || os.MkdirAll(filepath.Dir(s.path), 0o755) != nil {
		return
	}
	tmp := s.path + ".tmp"
	if os.WriteFile(tmp, b, 0o644) == nil {
		os.Rename(tmp, s.path)
	}
}

// without is all but the states of file.
func without(all []ledger.FileState, file string) ([]ledger.FileState, bool) {
	out := all[:0:0]
	for _, st := range all {
		if st.File != file {
			out = append(out, st)
		}
	}
	return out, len(out) != len(all)
}

func (s verifiedStore) Verified(file string) (ledger.FileState, bool) {
	verifiedMu.Lock()
	defer verifiedMu.Unlock()
	all := s.read()
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].File == file {
			return all[i], true
		}
	}
	return ledger.FileState{}, false
}

func (s verifiedStore) Remember(st ledger.FileState) {
	if s.path == "" {
		return
	}
	verifiedMu.Lock()
	defer verifiedMu.Unlock()
	all := s.read()
	if n := len(all); n > 0 && all[n-1].Same(st) {
		return // already the newest: nothing to write
	}
	all, _ = without(all, st.File)
	s.write(append(all, st))
}

func (s verifiedStore) Forget(file string) {
	if s.path == "" {
		return
	}
	verifiedMu.Lock()
	defer verifiedMu.Unlock()
	if all, found := without(s.read(), file); found {
		s.write(all)
	}
}
