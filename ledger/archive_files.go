package ledger

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Reasons of the automatic safety copies, written in their names.
const (
	ReasonImport    = "avant-import"
	ReasonClosing   = "avant-cloture"
	ReasonRestore   = "avant-restauration"
	ReasonMigration = "avant-mise-a-jour"
	ReasonQuit      = "fermeture"
)

// SafetyKeep is how many safety copies of a residence are kept.
const SafetyKeep = 20

const stampLayout = "20060102-150405"

// ArchiveSlug is the residence's name as it starts archive names: letters
// and digits without accents, words joined by "-", safe on any USB stick.
func ArchiveSlug(residence string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(residence) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "Residence"
	}
	return b.String()
}

// archivePath names a new archive in dir: RESIDENCE_YYYYMMDD-HHMMSS.copro.zip,
// with the reason of a safety copy, and a counter when that name is taken.
func archivePath(dir, residence, reason string, t time.Time) string {
	base := ArchiveSlug(residence) + "_" + t.Format(stampLayout)
	if reason != "" {
		base += "_" + reason
	}
	p := filepath.Join(dir, base+ArchiveExt)
	for i := 2; ; i++ {
		if !exists(p) && !exists(p+".partial") && !exists(PlainCopyPath(p)) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, i, ArchiveExt))
	}
}

// safetyReason says whether reason is one of a safety copy: only those are
// ever plain copies.
func safetyReason(reason string) bool {
	switch reason {
	case ReasonImport, ReasonClosing, ReasonRestore, ReasonMigration, ReasonQuit:
		return true
	}
	return false
}

// plainCopyName says whether name is that of a plain safety copy
// (…_YYYYMMDD-HHMMSS_reason[-N].copro): nothing else is ever deleted as one.
func plainCopyName(name string) bool {
	_, _, ok := parsePlainCopyName(name)
	return ok
}

// parsePlainCopyName reads the date and reason of a plain safety copy's
// name.
func parsePlainCopyName(name string) (time.Time, string, bool) {
	rest, ok := strings.CutSuffix(name, PlainCopyExt)
	if !ok {
		return time.Time{}, "", false
	}
	if i := strings.LastIndex(rest, "-"); i >= 0 {
		if _, err := strconv.Atoi(rest[i+1:]); err == nil {
			rest = rest[:i]
		}
	}
	i := strings.LastIndex(rest, "_")
	if i < len(stampLayout)+1 || !safetyReason(rest[i+1:]) || rest[i-len(stampLayout)-1] != '_' {
		return time.Time{}, "", false
	}
	t, err := time.ParseInLocation(stampLayout, rest[i-len(stampLayout):i], time.Local)
	return t, rest[i+1:], err == nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// ArchiveFile is an archive found in a folder, known by its name only.
type ArchiveFile struct {
	Path   string
	Time   time.Time
	Reason string
	Plain  bool // a safety copy not zipped yet (PlainCopyExt), restorable as it is
	seq    int  // 2, 3… for the second, third archive of the same second
}

// ListArchives lists the archives of a residence in dir, newest first,
// judging by their names (RESIDENCE_YYYYMMDD-HHMMSS…), with the safety
// copies not zipped yet (a plain copy whose archive is written is left
// out: it is about to be deleted).
func ListArchives(dir, residence string) []ArchiveFile {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	prefix := ArchiveSlug(residence) + "_"
	var out []ArchiveFile
	for _, e := range entries {
		name := e.Name()
		ext := ArchiveExt
		if strings.HasSuffix(name, PlainCopyExt) {
			ext = PlainCopyExt
			if exists(filepath.Join(dir, name+".zip")) {
				continue
			}
		}
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ext) {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ext)
		if len(rest) < len(stampLayout) {
			continue
		}
		t, err := time.ParseInLocation(stampLayout, rest[:len(stampLayout)], time.Local)
		if err != nil {
			continue
		}
		a := ArchiveFile{Path: filepath.Join(dir, name), Time: t, Plain: ext == PlainCopyExt, seq: 1}
		r := rest[len(stampLayout):]
		if i := strings.LastIndex(r, "-"); i >= 0 {
			if n, err := strconv.Atoi(r[i+1:]); err == nil {
				a.seq, r = n, r[:i] // second archive of the same second
			}
		}
		a.Reason = strings.TrimPrefix(r, "_")
		if a.Plain && !safetyReason(a.Reason) {
			continue // a residence file of the user's, named like a copy: never pruned
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].seq > out[j].seq
	})
	return out
}

// PruneArchives keeps the newest keep archives of a residence in dir and
// deletes the older ones (keep ≤ 0 keeps all), with temporary files that an
// interrupted backup left there; it returns how many archives were deleted.
func PruneArchives(dir, residence string, keep int) int {
	removeLeftovers(dir)
	if keep <= 0 {
		return 0
	}
	n := 0
	for i, a := range ListArchives(dir, residence) {
		if i >= keep && os.Remove(a.Path) == nil {
			n++
		}
	}
	return n
}

// removeLeftovers deletes what an interrupted backup left (older than an
// hour, so as not to race a backup still being written), and the plain
// safety copies whose archive is written (verified before it got its name).
func removeLeftovers(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if plainCopyName(name) && exists(filepath.Join(dir, name+".zip")) {
			os.Remove(filepath.Join(dir, name))
			continue
		}
		if !strings.HasSuffix(name, ArchiveExt+".partial") && !strings.HasPrefix(name, ".tantieme-") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// SafetyDir is where the automatic safety copies of a residence go: a
// "Copies de sécurité" folder beside its file.
func SafetyDir(file string) string {
	return filepath.Join(filepath.Dir(file), "Copies de sécurité")
}
