package publish

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"tantieme/ledger"
)

// space is one audience's folder in the publication folder.
type space struct {
	audience string // as the table published names it: "owner:450001", "owners"…
	folder   string // its folder's name: « 450001 - Bernard Jean-Luc »
	owner    *ledger.Owner
	kind     ledger.Audience
}

// Folder names of the shared spaces (CLI.md).
const (
	councilFolder   = "Conseil syndical"
	presidentFolder = "Président du conseil syndical"
	ownersFolder    = "Tous les copropriétaires"
	supplierFolder  = "Prestataires"
)

// spaces are the audiences published to: every owner still owning at day,
// and an owner who left only when he already had a space (it then keeps
// what concerns him: his last décompte reaches him there); the council,
// all the owners; the president when one is named; the suppliers when a
// binder is shown to them. A space published before and no longer wanted
// (no president any more) stays in the list, to be emptied of what
// Tantième put there.
func spaces(owners []ledger.Owner, president string, binders map[string]ledger.Binder, had map[string]bool, day time.Time) []space {
	var out []space
	for i := range owners {
		o := &owners[i]
		a := ledger.OwnerAudience(o.Account)
		if o.Left(day) && !had[a] {
			continue
		}
		out = append(out, space{audience: a, folder: ownerFolder(*o), owner: o, kind: ledger.AudienceOwner})
	}
	out = append(out, space{audience: string(ledger.AudienceCouncil), folder: councilFolder, kind: ledger.AudienceCouncil})
	if president != "" || had[string(ledger.AudiencePresident)] {
		out = append(out, space{audience: string(ledger.AudiencePresident), folder: presidentFolder, kind: ledger.AudiencePresident})
	}
	out = append(out, space{audience: string(ledger.AudienceOwners), folder: ownersFolder, kind: ledger.AudienceOwners})
	suppliers := had[string(ledger.AudienceSupplier)]
	for _, b := range binders {
		suppliers = suppliers || b.Sees(ledger.AudienceSupplier)
	}
	if suppliers {
		out = append(out, space{audience: string(ledger.AudienceSupplier), folder: supplierFolder, kind: ledger.AudienceSupplier})
	}
	return out
}

// sees says whether space s may hold document d, per its binder. A
// document naming owners goes only to them, and to the council and its
// president when the binder allows: never to all the owners, never to
// another owner, never to a supplier. A document naming nobody goes where
// its binder says; an owner who left no longer gets those dated after he
// left. president is "" when none is named: his space empties.
func (s space) sees(d ledger.Document, b ledger.Binder, president string) bool {
	switch s.kind {
	case ledger.AudienceCouncil:
		return b.Sees(ledger.AudienceCouncil)
	case ledger.AudiencePresident:
		return president != "" && b.Sees(ledger.AudiencePresident)
	}
	if len(d.Owners) > 0 {
		return s.kind == ledger.AudienceOwner && b.Sees(ledger.AudienceOwner) && slices.Contains(d.Owners, s.owner.Account)
	}
	switch s.kind {
	case ledger.AudienceOwner:
		return b.Sees(ledger.AudienceOwners) && (s.owner.ExitDate.IsZero() || !d.Date.After(s.owner.ExitDate))
	case ledger.AudienceOwners:
		return b.Sees(ledger.AudienceOwners)
	case ledger.AudienceSupplier:
		return b.Sees(ledger.AudienceSupplier)
	}
	return false
}

// ownerFolder names an owner's space after his account and name, as the
// CLI documents it (« 450001 - Bernard Jean-Luc et Françoise »).
func ownerFolder(o ledger.Owner) string {
	return safeName(o.Account+" - "+o.Name, 80)
}

// safeName makes s one file name every system accepts (Windows, a
// synchronised drive, a zip): no separator nor reserved sign, no control
// character, no dot or space at the end (Windows drops them), at most max
// characters. Accents are kept: the folder is read by people.
func safeName(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r):
			return '-'
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max])
	}
	s = strings.TrimRight(s, ". ")
	s = strings.TrimLeft(s, ". ")
	if s == "" {
		s = "Sans nom"
	}
	return s
}

// fileName is a document's name in a space: the base name of its file,
// made safe, its extension kept.
func fileName(d ledger.Document) string {
	base := d.File[strings.LastIndexAny(d.File, `/\`)+1:]
	ext := path.Ext(base)
	if !cleanExt(ext) || ext == base {
		ext = ""
	}
	return safeName(strings.TrimSuffix(base, ext), 100) + ext
}

// cleanExt says whether ext is a plain extension (« .pdf »).
func cleanExt(ext string) bool {
	if len(ext) < 2 || len(ext) > 8 {
		return false
	}
	for _, r := range ext[1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// dedupe gives a name not yet taken in a space, the document's number
// before the extension when it is.
func dedupe(name string, id int64, taken map[string]bool) string {
	if !taken[strings.ToLower(name)] {
		return name
	}
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + " (n° " + strconv.FormatInt(id, 10) + ")" + ext
}
