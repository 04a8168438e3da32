package ledger

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The entries' hash chain (migration 005_entry_chain.sql says why).
//
// Encoding, version 1. Text in UTF-8, one field per line, "\n" at the end of
// every line; in free text, backslash, tab, line feed and carriage return are
// written \\, \t, \n and \r, so a field never spills into the next one.
//
// An entry (its content is SHA-256 of this):
//
//	tantieme-ecriture-1
//	numero	<entry number, decimal>
//	date	<YYYY-MM-DD>
//	journal	<journal code>
//	piece	<piece number>
//	libelle	<label>
//	ligne	<account>	<key, empty when none>	<debit in cents>	<credit in cents>	<line label>
//	ligne	…	(one per line, in the order they were written)
//
// A charge line with VAT or a recoverable share (migration 019) carries
// them after its label, each only when not zero: « \ttva=<cents> » then
// « \trecuperable=<percent> ». A line without them encodes as it always
// did, so the entries written before keep their hashes and the chain
// verifies; a VAT or a share changed on a posted entry changes its content
// like any other change.
//
// A seal, at the closing of an exercise (its content is SHA-256 of this):
//
//	tantieme-scelle-1
//	exercice	<YYYY-MM-DD first day>	<YYYY-MM-DD last day>
//
// A record of the chain (its link is SHA-256 of this):
//
//	tantieme-chaine-1
//	rang	<seq, from 1>
//	operation	<post | replace | delete | seal>
//	ecriture	<entry number; empty for a seal>
//	exercice	<YYYY-MM-DD, first day of the exercise of the entry's version, or sealed>
//	contenu	<content, 64 lowercase hex digits>
//	precedent	<previous record's link, 64 lowercase hex digits; 64 zeros for the first>
//
// A post brings an entry in, a replace brings a new version of it in (the
// content is the new version's), a delete takes it out (the content is the
// deleted version's). Matching letters and reconciliation ticks are not
// part of an entry's content: they change without changing the books. No
// clock time is either: the same books give the same links.

const (
	chainEntryV1  = "tantieme-ecriture-1"
	chainSealV1   = "tantieme-scelle-1"
	chainRecordV1 = "tantieme-chaine-1"
)

// Chain operations.
const (
	OpPost    = "post"
	OpReplace = "replace"
	OpDelete  = "delete"
	OpSeal    = "seal"
)

// Link is a SHA-256 of the chain: a record's link, or a content hash.
type Link [32]byte

// Hex is the link in full, as lowercase hex.
func (l Link) Hex() string { return hex.EncodeToString(l[:]) }

// Fingerprint is the short form printed on documents and typed back to
// check them: the first 8 bytes in 4 groups of 4 hex digits,
// « 3F2A-91BC-0D44-7E10 ». 64 bits: no one finds by chance, or by trying,
// other books with the same fingerprint.
func (l Link) Fingerprint() string {
	h := strings.ToUpper(hex.EncodeToString(l[:8]))
	return h[0:4] + "-" + h[4:8] + "-" + h[8:12] + "-" + h[12:16]
}

// IsZero says whether the link is unset (the chain is empty).
func (l Link) IsZero() bool { return l == Link{} }

// NormalizeFingerprint reads a fingerprint as a user may type it (any case,
// with or without dashes and spaces) and returns its canonical form.
func NormalizeFingerprint(s string) (string, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '-' || r == ' ' || r == '\u00a0':
		case r >= '0' && r <= '9', r >= 'A' && r <= 'F':
			b.WriteRune(r)
		case r >= 'a' && r <= 'f':
			b.WriteRune(r - 'a' + 'A')
		default:
			return "", Errorf(Invalid, "L'empreinte « %s » n'est pas valide : elle s'écrit avec les chiffres 0 à 9 et les lettres A à F, par exemple 3F2A-91BC-0D44-7E10", s)
		}
	}
	h := b.String()
	if len(h) != 16 {
		return "", Errorf(Invalid, "L'empreinte « %s » n'est pas valide : elle a 16 caractères en 4 groupes de 4, par exemple 3F2A-91BC-0D44-7E10", s)
	}
	return h[0:4] + "-" + h[4:8] + "-" + h[8:12] + "-" + h[12:16], nil
}

// ChainRecord is one record of the chain.
type ChainRecord struct {
	Seq      int64
	Op       string
	EntryID  int64     // 0 for a seal
	Exercise time.Time // first day of the exercise
	Content  Link
	Link     Link
}

// encodeField escapes free text for the chain's encoding.
func encodeField(s string) string {
	if !strings.ContainsAny(s, "\\\t\n\r") {
		return s
	}
	r := strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	return r.Replace(s)
}

func decodeField(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// EncodeEntry is an entry's encoding in the chain (version 1, above).
func EncodeEntry(e *Entry) string {
	var b strings.Builder
	b.Grow(128 + 64*len(e.Lines))
	b.WriteString(chainEntryV1 + "\n")
	b.WriteString("numero\t" + strconv.FormatInt(e.ID, 10) + "\n")
	b.WriteString("date\t" + ISO(e.Date) + "\n")
	b.WriteString("journal\t" + encodeField(e.Journal) + "\n")
	b.WriteString("piece\t" + encodeField(e.Piece) + "\n")
	b.WriteString("libelle\t" + encodeField(e.Label) + "\n")
	for _, l := range e.Lines {
		b.WriteString("ligne\t" + encodeField(l.Account) + "\t" + encodeField(l.Key) + "\t" +
			strconv.FormatInt(int64(l.Debit), 10) + "\t" + strconv.FormatInt(int64(l.Credit), 10) + "\t" +
			encodeField(l.Label))
		if l.VAT != 0 {
			b.WriteString("\ttva=" + strconv.FormatInt(int64(l.VAT), 10))
		}
		if l.Recoverable != 0 {
			b.WriteString("\trecuperable=" + strconv.Itoa(l.Recoverable))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// DecodeEntry reads an entry back from its encoding (for its history).
func DecodeEntry(body string) (Entry, error) {
	var e Entry
	bad := func(what string) (Entry, error) {
		return Entry{}, Errorf(Damaged, "Version d'écriture illisible dans l'historique (%s)", what)
	}
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	if len(lines) < 6 || lines[0] != chainEntryV1 {
		return bad("en-tête")
	}
	field := func(i int, name string) (string, bool) {
		v, ok := strings.CutPrefix(lines[i], name+"\t")
		return v, ok
	}
	var ok bool
	var s string
	if s, ok = field(1, "numero"); !ok {
		return bad("numéro")
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return bad("numéro")
	}
	e.ID = id
	if s, ok = field(2, "date"); !ok {
		return bad("date")
	}
	if e.Date, err = time.Parse(ISODate, s); err != nil {
		return bad("date")
	}
	for i, f := range []struct {
		name string
		to   *string
	}{{"journal", &e.Journal}, {"piece", &e.Piece}, {"libelle", &e.Label}} {
		if s, ok = field(3+i, f.name); !ok {
			return bad(f.name)
		}
		*f.to = decodeField(s)
	}
	for _, l := range lines[6:] {
		p := strings.Split(l, "\t")
		if len(p) < 6 || len(p) > 8 || p[0] != "ligne" {
			return bad("ligne")
		}
		d, err1 := strconv.ParseInt(p[3], 10, 64)
		c, err2 := strconv.ParseInt(p[4], 10, 64)
		if err1 != nil || err2 != nil {
			return bad("montant")
		}
		line := Line{Account: decodeField(p[1]), Key: decodeField(p[2]), Debit: Amount(d), Credit: Amount(c), Label: decodeField(p[5])}
		for _, extra := range p[6:] {
			name, v, _ := strings.Cut(extra, "=")
			n, err := strconv.ParseInt(v, 10, 64)
			switch {
			case err != nil:
				return bad(name)
			case name == "tva" && line.VAT == 0 && line.Recoverable == 0:
				line.VAT = Amount(n)
			case name == "recuperable" && line.Recoverable == 0:
				line.Recoverable = int(n)
			default:
				return bad("ligne")
			}
		}
		e.Lines = append(e.Lines, line)
	}
	return e, nil
}

func encodeSeal(ex Exercise) string {
	return chainSealV1 + "\nexercice\t" + ISO(ex.Start) + "\t" + ISO(ex.End) + "\n"
}

// linkOf computes a record's link from its fields and the previous link.
// The text is built in one buffer on the stack: a walk of the chain links
// every record again (200,000 on the benchmark residence), and the
// concatenated strings were half of that walk's hashing time.
func linkOf(r ChainRecord, prev Link) Link {
	var buf [320]byte
	b := append(buf[:0], chainRecordV1...)
	b = append(b, "\nrang\t"...)
	b = strconv.AppendInt(b, r.Seq, 10)
	b = append(b, "\noperation\t"...)
	b = append(b, r.Op...)
	b = append(b, "\necriture\t"...)
	if r.Op != OpSeal {
		b = strconv.AppendInt(b, r.EntryID, 10)
	}
	b = append(b, "\nexercice\t"...)
	if !r.Exercise.IsZero() { // as ISO writes it
		b = r.Exercise.AppendFormat(b, ISODate)
	}
	b = append(b, "\ncontenu\t"...)
	b = hex.AppendEncode(b, r.Content[:])
	b = append(b, "\nprecedent\t"...)
	b = hex.AppendEncode(b, prev[:])
	b = append(b, '\n')
	return sha256.Sum256(b)
}

// ChainHead is the last record of the chain; ok is false when it is empty.
func (tx *Tx) ChainHead() (ChainRecord, bool, error) {
	if v, ok := tx.cache["chainHead"]; ok {
		r := v.(ChainRecord)
		return r, r.Seq > 0, nil
	}
	var r ChainRecord
	var entry sql.NullInt64
	var ex string
	var content, link []byte
	err := tx.queryRow(`SELECT seq, op, entry_id, exercise, content, link FROM chain ORDER BY seq DESC LIMIT 1`).
		Scan(&r.Seq, &r.Op, &entry, &ex, &content, &link)
	if err == sql.ErrNoRows {
		tx.remember("chainHead", r)
		return r, false, nil
	}
	if err != nil {
		return r, false, sqlError(err, "lecture de la chaîne des écritures")
	}
	r.EntryID = entry.Int64
	r.Exercise = parseStored(ex)
	copy(r.Content[:], content)
	copy(r.Link[:], link)
	tx.remember("chainHead", r)
	return r, true, nil
}

// appendChain adds a record after the head and returns it.
func (tx *Tx) appendChain(op string, entryID int64, exercise time.Time, content Link) (ChainRecord, error) {
	head, _, err := tx.ChainHead()
	if err != nil {
		return ChainRecord{}, err
	}
	r := ChainRecord{Seq: head.Seq + 1, Op: op, EntryID: entryID, Exercise: exercise, Content: content}
	r.Link = linkOf(r, head.Link)
	ins, err := tx.stmt(`INSERT INTO chain (seq, op, entry_id, exercise, content, link) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return r, err
	}
	var entry any
	if op != OpSeal {
		entry = entryID
	}
	if _, err := ins.Exec(r.Seq, op, entry, ISO(exercise), r.Content[:], r.Link[:]); err != nil {
		return r, sqlError(err, "chaîne des écritures")
	}
	tx.remember("chainHead", r)
	return r, nil
}

// chainEntry appends the record of a post, replace or delete of e, whose
// version (the new one; for a delete, the deleted one) is dated in ex.
func (tx *Tx) chainEntry(op string, e *Entry, ex Exercise) error {
	_, err := tx.appendChain(op, e.ID, ex.Start, sha256.Sum256([]byte(EncodeEntry(e))))
	return err
}

// keepSupersededVersion stores the encoding of old, the version of an entry
// that a replace or delete takes out of the books, under the record that
// brought it in, so that the entry's history can show it.
func (tx *Tx) keepSupersededVersion(old *Entry) error {
	var seq int64
	err := tx.queryRow(`SELECT max(seq) FROM chain WHERE entry_id = ? AND op <> 'delete'`, old.ID).Scan(&sqlNullable{&seq})
	if err != nil {
		return sqlError(err, "historique de l'écriture")
	}
	if seq == 0 {
		return nil // never chained (written outside Tantième): Check reports it
	}
	_, err = tx.exec("historique de l'écriture", `INSERT OR IGNORE INTO chain_versions (seq, body) VALUES (?, ?)`, seq, EncodeEntry(old))
	return err
}

// sqlNullable scans a NULL as the zero value.
type sqlNullable struct{ to *int64 }

func (n *sqlNullable) Scan(v any) error {
	var x sql.NullInt64
	if err := x.Scan(v); err != nil {
		return err
	}
	*n.to = x.Int64
	return nil
}

// sealExercise appends the seal of ex, just closed, and keeps it for the
// next exercise's opening.
func (tx *Tx) sealExercise(ex Exercise) (ChainRecord, error) {
	r, err := tx.appendChain(OpSeal, 0, ex.Start, sha256.Sum256([]byte(encodeSeal(ex))))
	if err != nil {
		return r, err
	}
	_, err = tx.exec("scellé de l'exercice", `INSERT INTO seals (exercise_id, seq, link) VALUES (?, ?, ?)`, ex.ID, r.Seq, r.Link[:])
	return r, err
}

// Seal returns the seal of a closed exercise; ok is false when it has none.
func (tx *Tx) Seal(exerciseID int64) (r ChainRecord, ok bool, err error) {
	var link []byte
	err = tx.queryRow(`SELECT seq, link FROM seals WHERE exercise_id = ?`, exerciseID).Scan(&r.Seq, &link)
	if err == sql.ErrNoRows {
		return r, false, nil
	}
	if err != nil {
		return r, false, sqlError(err, "lecture du scellé")
	}
	copy(r.Link[:], link)
	r.Op = OpSeal
	return r, true, nil
}

// Fingerprint is the link that documents about exercise ex print: « the
// books as presented ». For a closed exercise it is its seal, for an open
// one the chain's last link when the document is produced.
func (tx *Tx) Fingerprint(ex Exercise) (Link, error) {
	if ex.Closed {
		if s, ok, err := tx.Seal(ex.ID); err != nil || ok {
			return s.Link, err
		}
	}
	head, _, err := tx.ChainHead()
	return head.Link, err
}

// EntryVersion is one version of an entry in its history.
type EntryVersion struct {
	Seq      int64
	Op       string // post, replace, delete
	Exercise time.Time
	Entry    Entry // the version brought in (for a delete: the version deleted)
	Current  bool  // the version in the books now
	Missing  bool  // its text was not kept (Check says why)
}

// EntryHistory lists the versions of entry id, oldest first: when it was
// posted, each change, its deletion.
func (tx *Tx) EntryHistory(id int64) ([]EntryVersion, error) {
	type rec struct {
		seq     int64
		op, ex  string
		content []byte
		body    sql.NullString
	}
	recs, err := collect(tx, "historique de l'écriture", `SELECT c.seq, c.op, c.exercise, c.content, v.body
		FROM chain c LEFT JOIN chain_versions v ON v.seq = c.seq WHERE c.entry_id = ? ORDER BY c.seq`, []any{id},
		func(r *sql.Rows) (rec, error) {
			var x rec
			return x, r.Scan(&x.seq, &x.op, &x.ex, &x.content, &x.body)
		})
	if err != nil {
		return nil, err
	}
	current, curErr := tx.Entry(id)
	var out []EntryVersion
	for i, r := range recs {
		v := EntryVersion{Seq: r.seq, Op: r.op}
		v.Exercise = parseStored(r.ex)
		switch {
		case r.op == OpDelete && i > 0:
			v.Entry = out[i-1].Entry
			v.Missing = out[i-1].Missing
		case r.body.Valid:
			if v.Entry, err = DecodeEntry(r.body.String); err != nil {
				v.Missing = true
			}
		case i == len(recs)-1 && curErr == nil:
			v.Entry, v.Current = current, true
		default:
			v.Missing = true
		}
		out = append(out, v)
	}
	return out, nil
}

// describeChainRecord names a record for Check's messages.
func describeChainRecord(r ChainRecord) string {
	if r.Op == OpSeal {
		return fmt.Sprintf("scellé de l'exercice commençant le %s (rang %d)", FrenchDate(r.Exercise), r.Seq)
	}
	return fmt.Sprintf("écriture n° %d (rang %d)", r.EntryID, r.Seq)
}
