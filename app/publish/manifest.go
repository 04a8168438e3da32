package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// ManifestName and NoteName are written in every space: the manifest lists
// everything that should be there (seed 000: the exhaustive list sent with
// the new documents, so that withdrawn ones can be removed), the note says
// it in French to the person who opens the folder.
const (
	ManifestName = "manifeste.json"
	NoteName     = "LISEZMOI.txt"
)

// Manifest is a space's manifeste.json.
type Manifest struct {
	Residence string         `json:"residence"`
	Space     string         `json:"space"`    // the folder's name
	Audience  string         `json:"audience"` // "owner:450001", "council"…
	Updated   string         `json:"updated"`  // the day its content last changed
	Files     []ManifestFile `json:"files"`
}

// ManifestFile is one document of a space.
type ManifestFile struct {
	Name   string `json:"name"` // inside the space, with slashes
	SHA256 string `json:"sha256"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Binder string `json:"binder"`
}

// finish writes a space's manifest, note and zip when what it holds
// changed (or they are missing), and returns how many documents it holds.
func (p *run) finish(sp *space, in input, state []ledger.Published, docs map[int64]ledger.Document, day time.Time) (int, error) {
	top := filepath.Join(p.dir, sp.folder)
	m := Manifest{Residence: in.residence, Space: sp.folder, Audience: sp.audience, Updated: ledger.ISO(day), Files: []ManifestFile{}}
	var names []string
	for _, s := range state {
		if s.Audience != sp.audience {
			continue
		}
		d := docs[s.Document]
		m.Files = append(m.Files, ManifestFile{Name: strings.TrimPrefix(s.Name, sp.folder+"/"), SHA256: s.SHA256, Title: d.Title,
			Date: ledger.ISO(d.Date), Binder: in.binders[d.Binder].Label})
		names = append(names, s.Name)
	}
	manifestPath := filepath.Join(top, ManifestName)
	zipPath := filepath.Join(p.dir, sp.folder+".zip")
	var old Manifest
	same := false
	if b, err := os.ReadFile(manifestPath); err == nil && json.Unmarshal(b, &old) == nil {
		same = slices.Equal(old.Files, m.Files) && old.Residence == m.Residence
	}
	if _, err := os.Stat(zipPath); same && err == nil && !p.changed[sp.audience] {
		return len(m.Files), nil
	}
	if err := os.MkdirAll(top, 0o777); err != nil {
		return 0, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", top)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return 0, ledger.Wrap(ledger.Internal, err, "Le manifeste de « %s » ne peut pas être écrit", sp.folder)
	}
	if err := ledger.WriteOutputBytes(manifestPath, append(b, '\n')); err != nil {
		return 0, err
	}
	if err := ledger.WriteOutputBytes(filepath.Join(top, NoteName), note(sp, m, in.residence, day)); err != nil {
		return 0, err
	}
	names = append(names, sp.folder+"/"+ManifestName, sp.folder+"/"+NoteName)
	return len(m.Files), writeZip(zipPath, p.dir, sp.folder, names, day)
}

// who says in French who a space is for.
func who(sp *space) string {
	switch sp.kind {
	case ledger.AudienceOwner:
		return sp.owner.DisplayName() + " (compte " + sp.owner.Account + ")"
	case ledger.AudienceCouncil:
		return "les membres du conseil syndical"
	case ledger.AudiencePresident:
		return "le président du conseil syndical"
	case ledger.AudienceOwners:
		return "tous les copropriétaires"
	}
	return "les prestataires de la résidence"
}

// note is the space's LISEZMOI.txt, with Windows line ends: Notepad of an
// older computer shows it on one line otherwise.
func note(sp *space, m Manifest, residence string, day time.Time) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s – %s\n\n", residence, sp.folder)
	fmt.Fprintf(&b, "Documents de la résidence pour %s, publiés par le syndic avec Tantième le %s.\n\n", who(sp), ledger.FrenchDate(day))
	if len(m.Files) == 0 {
		b.WriteString("Aucun document pour le moment.\n")
	} else {
		fmt.Fprintf(&b, "%s, rangés par classeur :\n", fr.Count(len(m.Files), "document", "documents"))
		binder := ""
		for _, f := range m.Files {
			if f.Binder != binder {
				binder = f.Binder
				fmt.Fprintf(&b, "\n%s\n", binder)
			}
			fmt.Fprintf(&b, "  - %s : %s, du %s\n", f.Name[strings.LastIndex(f.Name, "/")+1:], f.Title, ledger.FrenchDate(mustDate(f.Date)))
		}
	}
	b.WriteString("\nLe fichier « manifeste.json » liste ces documents avec leur empreinte SHA-256 : un document qui n'y figure plus a été retiré par le syndic.\n")
	b.WriteString("Chaque publication met ce dossier à jour ; Tantième n'efface ni ne remplace jamais un fichier qu'il n'a pas écrit lui-même.\n")
	return bytes.ReplaceAll(b.Bytes(), []byte("\n"), []byte("\r\n"))
}

func mustDate(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}
