package ledger

import (
	"database/sql"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// Document is a line of the document register (issue 19): a file the
// program produced or the syndic added, in a binder, concerning some
// owners (none: a document for everyone its binder allows).
type Document struct {
	ID       int64
	Binder   string
	Kind     string // a key of DocumentKinds
	Date     time.Time
	Title    string
	Exercise int64 // the exercise it belongs to, 0 for none
	// File is the path as registered: relative to the residence's
	// documents folder when it lies inside it, absolute otherwise.
	File      string
	SHA256    string // lowercase hex
	Size      int64
	Entry     int64 // the entry a scanned invoice belongs to, 0 for none
	Owners    []string
	Added     time.Time // when it was registered (or produced again)
	Withdrawn time.Time // zero while it is live
}

// Live says whether the document was not withdrawn.
func (d Document) Live() bool { return d.Withdrawn.IsZero() }

// DocumentKind says what a kind of document is and how it may travel.
type DocumentKind struct {
	Label  string // French, singular
	Binder string // the binder its documents go to by default
	// Registered kinds are those the law wants notified by registered
	// letter or qualified electronic registered delivery (loi 1965 art.
	// 42-1 and décret 1967 art. 64: the AG convocation, art. 9; the
	// notification of the minutes to the opposing and absent owners, loi
	// art. 42 al. 2). Plain e-mail refuses them.
	Registered bool
}

// DocumentKinds are the kinds of the register, by code.
var DocumentKinds = map[string]DocumentKind{
	"notice":         {"Avis d'appel de fonds", "releves", false},
	"reminder":       {"Relance", "contentieux", false},
	"decompte":       {"Décompte de charges", "releves", false},
	"recoverable":    {"Relevé de charges récupérables", "releves", false},
	"statement":      {"Relevé de compte", "releves", false},
	"annex":          {"Annexes comptables", "ag", false},
	"book":           {"Livre comptable", "conseil", false},
	"attendance":     {"Feuille de présence", "ag", false},
	"council_list":   {"Liste du conseil syndical", "conseil", false},
	"deposit_slip":   {"Bordereau de remise en banque", "bordereaux", false},
	"transfer_slip":  {"Bordereau de virement", "bordereaux", false},
	"reconciliation": {"État de rapprochement bancaire", "conseil", false},
	"mandate":        {"Mandat de prélèvement SEPA", "courriers", false},
	"ag_convocation": {"Convocation à l'assemblée générale", "ag", true},
	"ag_minutes":     {"Procès-verbal d'assemblée générale (notification)", "ag", true},
	"ag_document":    {"Document d'assemblée générale", "ag", false},
	"regulation":     {"Règlement de copropriété", "reglement", false},
	"contract":       {"Contrat", "contrat", false},
	"invoice":        {"Facture", "factures", false},
	"meter_reading":  {"Relevé de compteur", "releves", false},
	"diagnostic":     {"Diagnostic", "carnet", false},
	"works":          {"Document de travaux", "travaux", false},
	"letter":         {"Courrier", "courriers", false},
	"report":         {"Compte rendu", "cr", false},
	"charts":         {"Graphiques", "conseil", false},
	"other":          {"Autre document", "divers", false},
	// A mise en demeure of loi 1965 art. 19-2 goes by registered letter:
	// its delay runs from the receipt, which plain e-mail cannot prove.
	"formal_notice": {"Mise en demeure", "contentieux", true},
	"recovery_file": {"Dossier de recouvrement", "contentieux", false},
	"distribution":  {"Répartition d'un montant", "conseil", false},
	"quote_parts":   {"Détail des répartitions", "conseil", false},
	"list":          {"Liste", "conseil", false},
	"owner_file":    {"Fiche complète du copropriétaire", "releves", false},
	// The sale of a lot (décret 1967 art. 5; loi 1965 art. 46): for the
	// notary, filed with the seller's other papers of no other binder.
	"etat_date":     {"État daté", "divers", false},
	"pre_etat_date": {"Pré-état daté (informations avant la vente)", "divers", false},
	// The fiche synthétique (loi 1965 art. 8-2) is what a seller hands the
	// buyer's notary: every owner may see it, beside the règlement.
	"fiche_synthetique": {"Fiche synthétique de la copropriété", "reglement", false},
	// The register's annual update (CCH R.711-5) says what the syndic
	// declared; the registry's own data are public.
	"registre_maj": {"Mise à jour annuelle du registre d'immatriculation", "reglement", false},
}

// DocumentKindCodes are the kinds' codes in the order of their labels.
func DocumentKindCodes() []string {
	out := make([]string, 0, len(DocumentKinds))
	for k := range DocumentKinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return DocumentKinds[out[i]].Label < DocumentKinds[out[j]].Label })
	return out
}

// checkDocument checks and cleans a document before it is written.
func (tx *Tx) checkDocument(d *Document) error {
	if _, ok := DocumentKinds[d.Kind]; !ok {
		return Errorf(Invalid, "Genre de document inconnu : « %s »", d.Kind)
	}
	if d.Binder == "" {
		d.Binder = DocumentKinds[d.Kind].Binder
	}
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM binders WHERE code = ?`, d.Binder).Scan(&n); err != nil {
		return sqlError(err, "lecture des classeurs")
	}
	if n == 0 {
		return Errorf(Invalid, "Classeur inconnu : « %s »", d.Binder)
	}
	if d.Date.IsZero() {
		return Errorf(Invalid, "Le document « %s » n'a pas de date", d.Title)
	}
	if err := cleanTexts(textField{&d.Title, "titre du document", LabelText}, textField{&d.File, "fichier du document", OptionText}); err != nil {
		return err
	}
	if d.Title == "" {
		return Errorf(Invalid, "Donnez un titre au document")
	}
	if d.File == "" {
		return Errorf(Invalid, "Le document « %s » n'a pas de fichier", d.Title)
	}
	if b, err := hex.DecodeString(d.SHA256); err != nil || len(b) != 32 || strings.ToLower(d.SHA256) != d.SHA256 {
		return Errorf(Internal, "Empreinte SHA-256 invalide pour « %s »", d.Title)
	}
	if d.Size < 0 {
		return Errorf(Internal, "Taille négative pour « %s »", d.Title)
	}
	seen := map[string]bool{}
	owners := d.Owners[:0:0]
	for _, o := range d.Owners {
		if seen[o] {
			continue
		}
		seen[o] = true
		if err := tx.queryRow(`SELECT count(*) FROM owners WHERE account = ?`, o).Scan(&n); err != nil {
			return sqlError(err, "lecture des copropriétaires")
		}
		if n == 0 {
			return Errorf(Invalid, "Copropriétaire inconnu : « %s »", o)
		}
		owners = append(owners, o)
	}
	sort.Strings(owners)
	d.Owners = owners
	return nil
}

// RegisterDocument records a document in the register and returns its id.
// A live document of the same file is updated in place (the file was
// produced again: new date, content and owners), so the register holds
// one line per file and a publication sends the new content.
func (tx *Tx) RegisterDocument(d Document) (int64, error) {
	if err := tx.checkDocument(&d); err != nil {
		return 0, err
	}
	if d.Added.IsZero() {
		d.Added = time.Now()
	}
	added := d.Added.UTC().Format("2006-01-02T15:04:05")
	var id int64
	err := tx.queryRow(`SELECT id FROM documents WHERE file = ? AND withdrawn_at = ''`, d.File).Scan(&id)
	switch {
	case err == sql.ErrNoRows:
		res, err := tx.exec("enregistrement d'un document", `INSERT INTO documents (binder, kind, date, title, exercise, file, sha256, size, entry, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.Binder, d.Kind, ISO(d.Date), d.Title, d.Exercise, d.File, d.SHA256, d.Size, d.Entry, added)
		if err != nil {
			return 0, err
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, sqlError(err, "enregistrement d'un document")
		}
	case err != nil:
		return 0, sqlError(err, "lecture du registre des documents")
	default:
		if _, err := tx.exec("enregistrement d'un document", `UPDATE documents SET binder = ?, kind = ?, date = ?, title = ?, exercise = ?,
			sha256 = ?, size = ?, entry = ?, added_at = ? WHERE id = ?`, d.Binder, d.Kind, ISO(d.Date), d.Title, d.Exercise, d.SHA256, d.Size, d.Entry, added, id); err != nil {
			return 0, err
		}
		if _, err := tx.exec("enregistrement d'un document", `DELETE FROM document_owners WHERE document = ?`, id); err != nil {
			return 0, err
		}
	}
	for _, o := range d.Owners {
		if _, err := tx.exec("enregistrement d'un document", `INSERT INTO document_owners (document, owner) VALUES (?, ?)`, id, o); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// EditDocument changes what the syndic may change of a document: binder,
// kind, title, date and the owners it concerns.
func (tx *Tx) EditDocument(d Document) error {
	old, err := tx.Document(d.ID)
	if err != nil {
		return err
	}
	d.File, d.SHA256, d.Size = old.File, old.SHA256, old.Size
	if err := tx.checkDocument(&d); err != nil {
		return err
	}
	if _, err := tx.exec("modification d'un document", `UPDATE documents SET binder = ?, kind = ?, date = ?, title = ?, exercise = ?, entry = ? WHERE id = ?`,
		d.Binder, d.Kind, ISO(d.Date), d.Title, d.Exercise, d.Entry, d.ID); err != nil {
		return err
	}
	if _, err := tx.exec("modification d'un document", `DELETE FROM document_owners WHERE document = ?`, d.ID); err != nil {
		return err
	}
	for _, o := range d.Owners {
		if _, err := tx.exec("modification d'un document", `INSERT INTO document_owners (document, owner) VALUES (?, ?)`, d.ID, o); err != nil {
			return err
		}
	}
	return nil
}

// WithdrawDocument takes a document out of what is published from day on;
// it stays in the register for the log that names it.
func (tx *Tx) WithdrawDocument(id int64, day time.Time) error {
	res, err := tx.exec("retrait d'un document", `UPDATE documents SET withdrawn_at = ? WHERE id = ? AND withdrawn_at = ''`, ISO(day), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le document n° %d n'est pas au registre, ou il est déjà retiré", id)
	}
	return nil
}

// DocumentFilter selects documents; the zero filter gives every live one.
type DocumentFilter struct {
	Binder    string
	Kind      string
	Owner     string    // documents concerning this owner
	Since     time.Time // dated from this day
	Until     time.Time // dated up to this day
	Withdrawn bool      // include withdrawn documents
}

const documentColumns = `id, binder, kind, date, title, exercise, file, sha256, size, entry, added_at, withdrawn_at`

func scanDocument(r interface{ Scan(...any) error }) (Document, error) {
	var d Document
	var date, added, withdrawn string
	err := r.Scan(&d.ID, &d.Binder, &d.Kind, &date, &d.Title, &d.Exercise, &d.File, &d.SHA256, &d.Size, &d.Entry, &added, &withdrawn)
	d.Date, d.Withdrawn = parseStored(date), parseStored(withdrawn)
	d.Added, _ = time.Parse("2006-01-02T15:04:05", added)
	return d, err
}

// Documents lists the register's documents, newest first, with their
// owners.
func (tx *Tx) Documents(f DocumentFilter) ([]Document, error) {
	q := `SELECT ` + documentColumns + ` FROM documents WHERE 1 = 1`
	var args []any
	if !f.Withdrawn {
		q += ` AND withdrawn_at = ''`
	}
	if f.Binder != "" {
		q += ` AND binder = ?`
		args = append(args, f.Binder)
	}
	if f.Kind != "" {
		q += ` AND kind = ?`
		args = append(args, f.Kind)
	}
	if f.Owner != "" {
		q += ` AND id IN (SELECT document FROM document_owners WHERE owner = ?)`
		args = append(args, f.Owner)
	}
	if !f.Since.IsZero() {
		q += ` AND date >= ?`
		args = append(args, ISO(f.Since))
	}
	if !f.Until.IsZero() {
		q += ` AND date <= ?`
		args = append(args, ISO(f.Until))
	}
	q += ` ORDER BY date DESC, id DESC`
	docs, err := collect(tx, "lecture du registre des documents", q, args, func(r *sql.Rows) (Document, error) { return scanDocument(r) })
	if err != nil || len(docs) == 0 {
		return docs, err
	}
	owners, err := tx.documentOwners()
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Owners = owners[docs[i].ID]
	}
	return docs, nil
}

// documentOwners are the owners of every document, by document.
func (tx *Tx) documentOwners() (map[int64][]string, error) {
	type pair struct {
		doc   int64
		owner string
	}
	pairs, err := collect(tx, "lecture du registre des documents", `SELECT document, owner FROM document_owners ORDER BY document, owner`, nil,
		func(r *sql.Rows) (pair, error) {
			var p pair
			return p, r.Scan(&p.doc, &p.owner)
		})
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for _, p := range pairs {
		out[p.doc] = append(out[p.doc], p.owner)
	}
	return out, nil
}

// Document reads one document of the register, withdrawn or not.
func (tx *Tx) Document(id int64) (Document, error) {
	d, err := scanDocument(tx.queryRow(`SELECT `+documentColumns+` FROM documents WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return d, Errorf(NotFound, "Le document n° %d n'est pas au registre", id)
	}
	if err != nil {
		return d, sqlError(err, "lecture du registre des documents")
	}
	d.Owners, err = collect(tx, "lecture du registre des documents", `SELECT owner FROM document_owners WHERE document = ? ORDER BY owner`, []any{id},
		func(r *sql.Rows) (string, error) {
			var o string
			return o, r.Scan(&o)
		})
	return d, err
}
