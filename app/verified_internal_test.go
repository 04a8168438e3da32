package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"tantieme/ledger"
)

// The list keeps the files remembered last, one state each.
func TestVerifiedListBounded(t *testing.T) {
	s := verifiedStore{path: filepath.Join(t.TempDir(), "Tantieme", "verifications.json")}
	name := func(i int) string { return fmt.Sprintf("/résidences/%03d.copro", i) }
	// 70 files, then the first of the kept ones again with a new state:
	// 70 − 64 = 6 forgotten (000 to 005), 006 moved to the end.
	for i := range 70 {
		s.Remember(ledger.FileState{File: name(i), Size: int64(i), Counter: 1})
	}
	s.Remember(ledger.FileState{File: name(6), Size: 6, Counter: 2})
	s.Remember(ledger.FileState{File: name(6), Size: 6, Counter: 2}) // the same again: no second copy
	all := s.read()
	if len(all) != maxVerifiedFiles {
		t.Fatalf("%d states kept, want %d", len(all), maxVerifiedFiles)
	}
	if all[0].File != name(7) || all[63].File != name(6) || all[63].Counter != 2 {
		t.Errorf("kept %s … %s (counter %d)", all[0].File, all[63].File, all[63].Counter)
	}
	for _, tc := range []struct {
		file  string
		found bool
	}{{name(5), false}, {name(6), true}, {name(69), true}, {"/ailleurs.copro", false}} {
		if _, ok := s.Verified(tc.file); ok != tc.found {
			t.Errorf("%s: found %v, want %v", tc.file, ok, tc.found)
		}
	}
	s.Forget(name(6))
	if _, ok := s.Verified(name(6)); ok || len(s.read()) != maxVerifiedFiles-1 {
		t.Errorf("forgotten state still there (%d states)", len(s.read()))
	}
}
