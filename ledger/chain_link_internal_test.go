package ledger

import (
	"crypto/sha256"
	"strconv"
	"testing"
	"time"
)

// The links of files written by every earlier version must still verify:
// linkOf hashes exactly the text of chainRecordV1, written here as it was
// first defined (fields concatenated as strings).
func TestLinkOfIsTheV1Text(t *testing.T) {
	v1 := func(r ChainRecord, prev Link) Link {
		entry := ""
		if r.Op != OpSeal {
			entry = strconv.FormatInt(r.EntryID, 10)
		}
		s := chainRecordV1 + "\nrang\t" + strconv.FormatInt(r.Seq, 10) + "\noperation\t" + r.Op +
			"\necriture\t" + entry + "\nexercice\t" + ISO(r.Exercise) + "\ncontenu\t" + r.Content.Hex() +
			"\nprecedent\t" + prev.Hex() + "\n"
		return sha256.Sum256([]byte(s))
	}
	content := sha256.Sum256([]byte("écriture"))
	prev := sha256.Sum256([]byte("précédent"))
	for _, r := range []ChainRecord{
		{Seq: 1, Op: OpPost, EntryID: 1, Exercise: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Content: content},
		{Seq: 987654321, Op: OpReplace, EntryID: 123456789012, Exercise: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), Content: content},
		{Seq: 42, Op: OpDelete, EntryID: 7, Exercise: time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)},
		{Seq: 43, Op: OpSeal, EntryID: 99, Exercise: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Content: content},
		{Seq: 44, Op: OpPost, EntryID: 3}, // no exercise: written empty, as ISO does
	} {
		for _, p := range []Link{{}, prev} {
			if got, want := linkOf(r, p), v1(r, p); got != want {
				t.Errorf("linkOf(%+v) = %x, want %x", r, got, want)
			}
		}
	}
}
