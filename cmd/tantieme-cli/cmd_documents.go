package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// documentJSON is a line of the register, as CLI.md says it.
type documentJSON struct {
	ID          string   `json:"id"`
	Binder      string   `json:"binder"`
	BinderLabel string   `json:"binder_label"`
	Kind        string   `json:"kind"`
	Title       string   `json:"title"`
	Date        string   `json:"date"`
	Exercise    int64    `json:"exercise"`
	Owners      []string `json:"owners"`
	File        string   `json:"file"`
	SHA256      string   `json:"sha256"`
	State       string   `json:"state"`
}

// ownerList gathers --owner flags given several times.
type ownerList []string

func (o *ownerList) String() string { return strings.Join(*o, ",") }
func (o *ownerList) Set(s string) error {
	*o = append(*o, strings.TrimSpace(s))
	return nil
}

func init() {
	commands["documents"] = command{
		usage: "documents FICHIER [--binder B] [--owner 450xxx] [--json] | documents FICHIER add CHEMIN --binder B --title T [--kind K] [--owner 450xxx]… [--date AAAA-MM-JJ] [--entry N] | documents FICHIER withdraw N",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			binder := fs.String("binder", "", "classeur (code ou nom, par exemple reglement ou « Règlement de copropriété »)")
			title := fs.String("title", "", "titre du document ajouté")
			kind := fs.String("kind", "", "genre du document ajouté (par défaut other ; "+strings.Join(ledger.DocumentKindCodes(), ", ")+")")
			date := fs.String("date", "", "date du document ajouté (par défaut aujourd'hui)")
			entry := fs.Int64("entry", 0, "écriture à laquelle le document (une facture scannée) se rattache")
			var owners ownerList
			fs.Var(&owners, "owner", "copropriétaire concerné (compte 450xxx ; plusieurs fois pour plusieurs)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if len(pos) == 0 {
					return usagef("un fichier de résidence (.copro) attendu")
				}
				switch {
				case len(pos) == 1:
					return listDocuments(pos[0], *binder, owners, *asJSON, out)
				case pos[1] == "add":
					if len(pos) != 3 {
						return usagef("documents FICHIER add CHEMIN : un seul fichier à ajouter")
					}
					return addDocument(pos[0], pos[2], *binder, *title, *kind, *date, *entry, owners, out)
				case pos[1] == "withdraw":
					if len(pos) != 3 {
						return usagef("documents FICHIER withdraw N : le numéro du document attendu")
					}
					return withdrawDocument(pos[0], pos[2], out)
				}
				return usagef("« %s » : add ou withdraw attendu", pos[1])
			}
		},
	}
}

// binderCode finds a binder by code or label.
func binderCode(r *app.Residence, b string) (string, error) {
	b = strings.TrimSpace(b)
	if b == "" {
		return "", nil
	}
	bs, err := r.Binders()
	if err != nil {
		return "", err
	}
	for _, x := range bs {
		if x.Code == b || strings.EqualFold(x.Label, b) {
			return x.Code, nil
		}
	}
	return "", ledger.Errorf(ledger.Invalid, "Classeur inconnu : « %s »", b)
}

func listDocuments(file, binder string, owners []string, asJSON bool, out io.Writer) error {
	if len(owners) > 1 {
		return usagef("--owner : un seul copropriétaire pour lister")
	}
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	f := ledger.DocumentFilter{}
	if f.Binder, err = binderCode(r, binder); err != nil {
		return err
	}
	if len(owners) == 1 {
		f.Owner = owners[0]
	}
	lines, err := r.DocumentRegister(f)
	if err != nil {
		return err
	}
	if asJSON {
		docs := make([]documentJSON, 0, len(lines))
		for _, l := range lines {
			o := l.Owners
			if o == nil {
				o = []string{}
			}
			docs = append(docs, documentJSON{ID: strconv.FormatInt(l.ID, 10), Binder: l.Binder, BinderLabel: l.BinderLabel, Kind: l.Kind,
				Title: l.Title, Date: ledger.ISO(l.Date), Exercise: l.Exercise, Owners: o, File: l.Path, SHA256: l.SHA256, State: l.State})
		}
		return printJSON(out, docs)
	}
	if len(lines) == 0 {
		fmt.Fprintln(out, "Le registre des documents est vide : les avis, relances, décomptes et bordereaux y sont inscrits quand ils sont écrits ; ajoutez un document avec « documents FICHIER add CHEMIN ».")
		return nil
	}
	t := newTable([]string{"N°", "Date", "Classeur", "Titre", "Copropriétaire(s)", "État"}, 0)
	for _, l := range lines {
		state := "fichier présent"
		if l.State != "" {
			state = l.State
		}
		t.add(strconv.FormatInt(l.ID, 10), ledger.FrenchDate(l.Date), l.BinderLabel, l.Title, strings.Join(l.Owners, ", "), state)
	}
	return t.write(out)
}

func addDocument(file, src, binder, title, kind, date string, entry int64, owners []string, out io.Writer) error {
	if entry < 0 {
		return usagef("--entry : un numéro d'écriture")
	}
	if strings.TrimSpace(title) == "" {
		return usagef("--title est obligatoire")
	}
	var day time.Time
	if date != "" {
		var err error
		if day, err = ledger.ParseDate(date); err != nil {
			return err
		}
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	code, err := binderCode(r, binder)
	if err != nil {
		return err
	}
	if code == "" && kind == "" {
		return usagef("--binder ou --kind est obligatoire")
	}
	id, err := r.AddDocument(src, app.Produced{Binder: code, Kind: kind, Title: title, Date: day, Owners: owners, Entry: entry})
	if err != nil {
		return err
	}
	d, err := r.Document(id)
	if err != nil {
		return err
	}
	root, err := r.DocumentsFolder()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Document n° %d « %s » ajouté au registre : %s.\n", id, d.Title, app.DocumentPath(root, d))
	return nil
}

func withdrawDocument(file, idText string, out io.Writer) error {
	id, err := strconv.ParseInt(strings.TrimSpace(idText), 10, 64)
	if err != nil || id <= 0 {
		return usagef("« %s » n'est pas un numéro de document", idText)
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	d, err := r.Document(id)
	if err != nil {
		return err
	}
	if err := r.WithdrawDocument(id); err != nil {
		return err
	}
	fmt.Fprintf(out, "Document n° %d « %s » retiré : il ne sera plus publié ; son fichier reste en place.\n", id, d.Title)
	return nil
}
