package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"tantieme/ledger"
)

// Outside documents (issue 19): the règlement de copropriété, contracts,
// minutes, diagnostics, scanned invoices… are copied into the documents
// folder, « Classeurs/<binder> », and registered like the documents the
// program produces.

// outsideTypes are the extensions an outside document may have: PDF,
// images, office documents and text. PDF, JPEG and PNG are checked by
// their first bytes too, since they are what owners open most.
var outsideTypes = map[string][]byte{
	".pdf":  []byte("%PDF-"),
	".jpg":  {0xFF, 0xD8, 0xFF},
	".jpeg": {0xFF, 0xD8, 0xFF},
	".png":  {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
	".txt":  nil,
	".odt":  nil, ".ods": nil, ".doc": nil, ".docx": nil, ".xls": nil, ".xlsx": nil, ".rtf": nil, ".csv": nil,
}

// AcceptedDocumentExtensions are the extensions AddDocument accepts, for a
// file dialog's filter.
func AcceptedDocumentExtensions() []string {
	var out []string
	for e := range outsideTypes {
		out = append(out, e)
	}
	return out
}

// checkOutsideFile refuses what the register must not hold: a folder, an
// unreadable file, a file too large, a name with control characters, a
// type not accepted, a PDF/JPEG/PNG whose content is not one.
func checkOutsideFile(src string) (os.FileInfo, error) {
	name := filepath.Base(src)
	for _, c := range name {
		if unicode.IsControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) {
			return nil, ledger.Errorf(ledger.Invalid, "Le nom du fichier « %s » contient un caractère de contrôle invisible : renommez-le avant de l'ajouter", strings.ToValidUTF8(strings.Map(visible, name), "?"))
		}
	}
	fi, err := os.Stat(src)
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", src)
	}
	if fi.IsDir() {
		return nil, ledger.Errorf(ledger.Invalid, "« %s » est un dossier : choisissez un fichier", src)
	}
	if !fi.Mode().IsRegular() {
		return nil, ledger.Errorf(ledger.Invalid, "« %s » n'est pas un fichier ordinaire", src)
	}
	if fi.Size() > MaxDocumentSize {
		return nil, ledger.Errorf(ledger.Invalid, "Le fichier « %s » dépasse %d Mo : il ne peut pas être mis au registre", src, MaxDocumentSize>>20)
	}
	ext := strings.ToLower(filepath.Ext(name))
	magic, ok := outsideTypes[ext]
	if !ok {
		return nil, ledger.Errorf(ledger.Invalid, "« %s » : seuls les PDF, les images (JPEG, PNG), les documents de bureautique et le texte peuvent être mis au registre", name)
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", src)
	}
	defer f.Close()
	head := make([]byte, 8)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", src)
	}
	if magic != nil && !bytes.HasPrefix(head[:n], magic) {
		return nil, ledger.Errorf(ledger.Invalid, "Le fichier « %s » porte l'extension %s mais n'en est pas un : il n'est pas mis au registre", name, ext)
	}
	return fi, nil
}

// visible shows control characters as « ? » in a message.
func visible(r rune) rune {
	if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
		return '?'
	}
	return r
}

// AddDocument copies an outside file into the documents folder,
// « Classeurs/<binder> » (the name kept, « (2) » added when it is taken),
// and registers it with meta (its Path is ignored; Kind "" is "other").
// It returns the document's id.
func (r *Residence) AddDocument(src string, meta Produced) (int64, error) {
	if _, err := checkOutsideFile(src); err != nil {
		return 0, err
	}
	if meta.Kind == "" {
		meta.Kind = "other"
	}
	kind, ok := ledger.DocumentKinds[meta.Kind]
	if !ok {
		return 0, ledger.Errorf(ledger.Invalid, "Genre de document inconnu : « %s »", meta.Kind)
	}
	if meta.Binder == "" {
		meta.Binder = kind.Binder
	}
	if meta.Date.IsZero() {
		meta.Date = ledger.Now()
	}
	if strings.TrimSpace(meta.Title) == "" {
		meta.Title = strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	}
	var label string
	err := r.View(func(tx *ledger.Tx) error {
		bs, err := tx.Binders()
		if err != nil {
			return err
		}
		for _, b := range bs {
			if b.Code == meta.Binder {
				label = b.Label
			}
		}
		if label == "" {
			return ledger.Errorf(ledger.Invalid, "Classeur inconnu : « %s »", meta.Binder)
		}
		if meta.Entry != 0 {
			if _, err := tx.Entry(meta.Entry); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Le document se rattache à l'écriture n° %d : %s", meta.Entry, ledger.Message(err))
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	dir, err := r.DocumentsSubfolder(filepath.Join(FolderBinders, safeName(label)))
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé : vérifiez les droits", dir)
	}
	dst := freeName(dir, filepath.Base(src))
	if err := copyFile(src, dst); err != nil {
		return 0, err
	}
	meta.Path = dst
	ids, err := r.Register(meta)
	if err != nil {
		// The copy is ours and registered nowhere: take it back.
		os.Remove(dst)
		return 0, err
	}
	return ids[0], nil
}

// safeName is a binder's label made a folder name: no separator, no
// character Windows refuses.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, s)
	s = strings.Trim(strings.TrimSpace(s), ".")
	if s == "" {
		s = "Classeur"
	}
	return s
}

// freeName is dir/name, or dir/name (2).ext, (3)… when it is taken.
func freeName(dir, name string) string {
	path := filepath.Join(dir, name)
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); os.IsNotExist(err) {
			return path
		}
		path = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", base, i, ext))
	}
}

// copyFile copies src to dst, refusing to grow past MaxDocumentSize (a
// file growing while it is read), and never leaves half a copy.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", src)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être écrit", dst)
	}
	n, err := io.Copy(out, io.LimitReader(in, MaxDocumentSize+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > MaxDocumentSize {
		err = fmt.Errorf("plus de %d Mo", MaxDocumentSize>>20)
	}
	if err != nil {
		os.Remove(dst)
		return ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » n'a pas pu être copié dans « %s » : %s", src, dst, err.Error())
	}
	return nil
}

// RegisterLine is a document of the register as the screens and the CLI
// show it: the document, its binder's label, its owners' names and the
// state of its file ("" when it is the one registered).
type RegisterLine struct {
	ledger.Document
	BinderLabel string
	OwnerNames  []string
	Path        string // the file, absolute
	State       string
}

// DocumentRegister lists the register's documents chosen by f, newest
// first, with the state of each file.
func (r *Residence) DocumentRegister(f ledger.DocumentFilter) ([]RegisterLine, error) {
	root, err := r.DocumentsFolder()
	if err != nil {
		return nil, err
	}
	var out []RegisterLine
	err = r.View(func(tx *ledger.Tx) error {
		docs, err := tx.Documents(f)
		if err != nil {
			return err
		}
		bs, err := tx.Binders()
		if err != nil {
			return err
		}
		labels := map[string]string{}
		for _, b := range bs {
			labels[b.Code] = b.Label
		}
		names := map[string]string{}
		for _, d := range docs {
			l := RegisterLine{Document: d, BinderLabel: labels[d.Binder], Path: DocumentPath(root, d)}
			for _, o := range d.Owners {
				if _, ok := names[o]; !ok {
					ow, err := tx.Owner(o)
					if err != nil {
						return err
					}
					names[o] = ow.DisplayName()
				}
				l.OwnerNames = append(l.OwnerNames, names[o])
			}
			out = append(out, l)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].State = DocumentState(root, out[i].Document)
	}
	return out, nil
}

// Binders lists the register's binders with their audiences.
func (r *Residence) Binders() ([]ledger.Binder, error) { return read(r, (*ledger.Tx).Binders) }

// SetBinderAudiences records who sees a binder (one row of the grid).
func (r *Residence) SetBinderAudiences(code string, a map[ledger.Audience]bool) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SetBinderAudiences(code, a) })
}

// AddBinder adds a binder and returns its code.
func (r *Residence) AddBinder(label string) (code string, err error) {
	err = r.Update(func(tx *ledger.Tx) error {
		code, err = tx.AddBinder(label)
		return err
	})
	return code, err
}

// EditDocument changes a document's binder, kind, title, date, owners.
func (r *Residence) EditDocument(d ledger.Document) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.EditDocument(d) })
}

// WithdrawDocument takes a document out of what is published, from
// today; its file is left where it is.
func (r *Residence) WithdrawDocument(id int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.WithdrawDocument(id, ledger.Now()) })
}

// Document reads one document of the register.
func (r *Residence) Document(id int64) (d ledger.Document, err error) {
	err = r.View(func(tx *ledger.Tx) error {
		d, err = tx.Document(id)
		return err
	})
	return d, err
}
