package ledger

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"time"
)

// chainBatch bounds how many records or entries are held at once while the
// chain is walked: memory stays the same whatever the size of the books.
const chainBatch = 5000

// entryState is what the chain says of one entry, after its last record.
// One is held per entry of the books while the chain is checked: kept small.
type entryState struct {
	content  Link
	exercise string // first day of its exercise (interned: one string per exercise)
	seq      int64  // the record that brought this version in
	alive    bool
}

// ChainReport is what walking the chain found.
type ChainReport struct {
	Head     ChainRecord
	Records  int64
	Entries  int // entries in the books, each checked against the chain
	Problems []string
}

// walkChain reads the chain in order, checks every link and calls visit
// with each record and the state of its entry before it. It stops at the
// first broken link: what follows can no longer be trusted.
func (tx *Tx) walkChain(visit func(r ChainRecord, before entryState, known bool) error, states map[int64]entryState) (ChainRecord, []string, error) {
	var prev ChainRecord
	interned := map[string]string{}
	var problems []string
	for {
		type row struct {
			r     ChainRecord
			entry sql.NullInt64
			ex    string
			c, l  []byte
		}
		rows, err := collect(tx, "lecture de la chaîne des écritures",
			`SELECT seq, op, entry_id, exercise, content, link FROM chain WHERE seq > ? ORDER BY seq LIMIT ?`,
			[]any{prev.Seq, chainBatch}, func(r *sql.Rows) (row, error) {
				var x row
				return x, r.Scan(&x.r.Seq, &x.r.Op, &x.entry, &x.ex, &x.c, &x.l)
			})
		if err != nil {
			return prev, problems, err
		}
		if len(rows) == 0 {
			return prev, problems, nil
		}
		for _, x := range rows {
			r := x.r
			r.EntryID = x.entry.Int64
			r.Exercise = parseStored(x.ex)
			copy(r.Content[:], x.c)
			copy(r.Link[:], x.l)
			if r.Seq != prev.Seq+1 {
				problems = append(problems, fmt.Sprintf("la chaîne des écritures a un trou entre les rangs %d et %d : des enregistrements ont été retirés hors de Tantième", prev.Seq, r.Seq))
				return prev, problems, nil
			}
			if want := linkOf(r, prev.Link); want != r.Link || len(x.c) != 32 || len(x.l) != 32 {
				problems = append(problems, fmt.Sprintf("la chaîne des écritures est rompue au rang %d (%s) : cet enregistrement a été modifié hors de Tantième", r.Seq, describeChainRecord(r)))
				return prev, problems, nil
			}
			before, known := states[r.EntryID]
			if err := visit(r, before, known && r.Op != OpSeal); err != nil {
				return prev, problems, err
			}
			if r.Op != OpSeal {
				st := before
				ex, ok := interned[x.ex]
				if !ok {
					ex = x.ex
					interned[ex] = ex
				}
				st.content, st.exercise, st.alive = r.Content, ex, r.Op != OpDelete
				if r.Op != OpDelete {
					st.seq = r.Seq
				}
				states[r.EntryID] = st
			}
			prev = r
		}
	}
}

// checkChain verifies the chain against itself and against the books: every
// link, every operation in order, nothing after an exercise's seal touching
// it, the kept versions, every entry in the books equal to its last version
// in the chain, and the seals of the closed exercises. Findings are French
// sentences naming the exercise and the entry.
func (tx *Tx) checkChain() (ChainReport, error) {
	var rep ChainReport
	add := func(format string, args ...any) { rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...)) }
	exercises, err := tx.Exercises()
	if err != nil {
		return rep, err
	}
	name := func(start string) string {
		for _, ex := range exercises {
			if ISO(ex.Start) == start {
				return ex.Name()
			}
		}
		return "commençant le " + start
	}
	states := map[int64]entryState{}
	sealedAt := map[string]int64{} // exercise start → seq of its seal
	head, broken, err := tx.walkChain(func(r ChainRecord, before entryState, known bool) error {
		rep.Records++
		ex := ISO(r.Exercise)
		if r.Op == OpSeal {
			if _, twice := sealedAt[ex]; twice {
				add("l'exercice %s est scellé deux fois (rang %d)", name(ex), r.Seq)
			}
			if r.Content != sha256.Sum256([]byte(encodeSeal(exerciseStarting(exercises, r.Exercise)))) {
				add("le scellé de l'exercice %s (rang %d) ne correspond pas à ses dates", name(ex), r.Seq)
			}
			sealedAt[ex] = r.Seq
			return nil
		}
		for _, touched := range []string{ex, before.exercise} {
			if s, ok := sealedAt[touched]; ok && touched != "" {
				add("l'écriture n° %d de l'exercice %s, scellé au rang %d, a été changée après sa clôture (rang %d)", r.EntryID, name(touched), s, r.Seq)
			}
		}
		switch {
		case r.Op == OpPost && known && before.alive:
			add("l'écriture n° %d est enregistrée deux fois dans la chaîne (rang %d)", r.EntryID, r.Seq)
		case r.Op != OpPost && !(known && before.alive):
			add("la chaîne change l'écriture n° %d qui n'existe pas à ce moment (rang %d)", r.EntryID, r.Seq)
		case r.Op == OpDelete && before.content != r.Content:
			add("l'écriture n° %d a été supprimée (rang %d) dans une version qui n'est pas la dernière de la chaîne : elle avait été modifiée hors de Tantième", r.EntryID, r.Seq)
		}
		return nil
	}, states)
	if err != nil {
		return rep, err
	}
	rep.Head = head
	rep.Problems = append(rep.Problems, broken...)
	if len(broken) > 0 {
		return rep, nil
	}

	// The kept versions are the ones the chain hashed (read with their
	// record, so that nothing per record is held in memory).
	var afterSeq int64
	for {
		type kept struct {
			seq, entry int64
			op         string
			content    []byte
			body       string
		}
		batch, err := collect(tx, "lecture de l'historique", `SELECT v.seq, coalesce(c.entry_id, 0), coalesce(c.op, ''), coalesce(c.content, x''), v.body
			FROM chain_versions v LEFT JOIN chain c ON c.seq = v.seq WHERE v.seq > ? ORDER BY v.seq LIMIT ?`,
			[]any{afterSeq, chainBatch / 10}, func(r *sql.Rows) (kept, error) {
				var k kept
				return k, r.Scan(&k.seq, &k.entry, &k.op, &k.content, &k.body)
			})
		if err != nil {
			return rep, err
		}
		if len(batch) == 0 {
			break
		}
		for _, k := range batch {
			afterSeq = k.seq
			sum := sha256.Sum256([]byte(k.body))
			switch {
			case k.op == "" || k.op == OpDelete || k.op == OpSeal:
				add("l'historique conservé au rang %d ne correspond à aucune écriture de la chaîne", k.seq)
			case string(k.content) != string(sum[:]):
				add("l'historique conservé de l'écriture n° %d (rang %d) ne correspond pas à la chaîne : l'écriture avait été modifiée hors de Tantième", k.entry, k.seq)
			}
		}
	}

	// Every entry of the books is the last version the chain knows of it.
	var afterID int64
	for {
		batch, err := tx.entriesAfter(afterID, chainBatch)
		if err != nil {
			return rep, err
		}
		if len(batch) == 0 {
			break
		}
		for i := range batch {
			e := &batch[i]
			afterID = e.ID
			rep.Entries++
			st, known := states[e.ID]
			where := fmt.Sprintf("l'écriture n° %d du %s (exercice %s)", e.ID, FrenchDate(e.Date), exerciseNameAt(exercises, e.Date))
			if p := entryAgainstChain(e, st, known, where); p != "" {
				rep.Problems = append(rep.Problems, p)
			}
			if known {
				st.alive = false // seen
				states[e.ID] = st
			}
		}
	}
	for id, st := range states {
		if st.alive {
			add("l'écriture n° %d (exercice %s) a été supprimée hors de Tantième : la chaîne la compte encore (rang %d)", id, name(st.exercise), st.seq)
		}
	}

	// Each closed exercise is sealed, its seal kept for the next opening.
	for _, ex := range exercises {
		seq, sealed := sealedAt[ISO(ex.Start)]
		s, kept, err := tx.Seal(ex.ID)
		if err != nil {
			return rep, err
		}
		switch {
		case ex.Closed && !sealed:
			add("l'exercice %s est clos mais n'a pas de scellé dans la chaîne", ex.Name())
		case !ex.Closed && sealed:
			add("l'exercice %s est scellé (rang %d) mais n'est plus clos : il a été rouvert hors de Tantième", ex.Name(), seq)
		case sealed && (!kept || s.Seq != seq):
			add("le scellé de l'exercice %s ne correspond pas à celui de la chaîne (rang %d)", ex.Name(), seq)
		case sealed:
			var link []byte
			if err := tx.queryRow(`SELECT link FROM chain WHERE seq = ?`, seq).Scan(&link); err != nil {
				return rep, sqlError(err, "lecture du scellé")
			}
			if string(link) != string(s.Link[:]) {
				add("le scellé de l'exercice %s a été modifié hors de Tantième", ex.Name())
			}
		}
	}
	return rep, nil
}

// entryAgainstChain says, in French, how entry e of the books differs from
// the chain's last version of it (st, known: walkChain's state), naming it
// as where; "" when it is that version.
func entryAgainstChain(e *Entry, st entryState, known bool, where string) string {
	switch {
	case !known:
		return where + " n'est pas dans la chaîne des écritures : elle a été ajoutée hors de Tantième"
	case !st.alive:
		return where + " a été supprimée (chaîne) mais figure encore dans les comptes : elle a été remise hors de Tantième"
	case sha256.Sum256([]byte(EncodeEntry(e))) != st.content:
		return fmt.Sprintf("%s a été modifiée hors de Tantième : elle ne correspond plus à sa version enregistrée dans la chaîne (rang %d)", where, st.seq)
	}
	return ""
}

// entriesAfter reads up to n posted entries numbered after id, with their
// lines, in number order.
func (tx *Tx) entriesAfter(id int64, n int) ([]Entry, error) {
	return tx.entriesAfterIn(id, n, "0000-00-00", "9999-99-99")
}

// entriesAfterIn is entriesAfter for the entries dated from..to (ISO).
func (tx *Tx) entriesAfterIn(id int64, n int, from, to string) ([]Entry, error) {
	list, err := collect(tx, "lecture des écritures", `SELECT id, journal, date, piece, label FROM entries
		WHERE posted = 1 AND id > ? AND date BETWEEN ? AND ? ORDER BY id LIMIT ?`, []any{id, from, to, n}, func(r *sql.Rows) (Entry, error) {
		var e Entry
		var date string
		err := r.Scan(&e.ID, &e.Journal, &date, &e.Piece, &e.Label)
		e.Date = parseStored(date)
		return e, err
	})
	if err != nil || len(list) == 0 {
		return list, err
	}
	at := make(map[int64]int, len(list))
	for i, e := range list {
		at[e.ID] = i
	}
	type line struct {
		entry int64
		l     Line
	}
	// A file not yet at migration 019 (verified before it is migrated, or
	// chained by 007's step) has no VAT nor share: its lines read as zero,
	// which encodes as it did then.
	lines, err := collect(tx, "lecture des écritures", `SELECT entry_id, account, coalesce(key, ''), label, debit, credit, `+tx.lineVAT("")+` FROM lines
		WHERE entry_id BETWEEN ? AND ? ORDER BY entry_id, id`, []any{list[0].ID, list[len(list)-1].ID}, func(r *sql.Rows) (line, error) {
		var x line
		return x, r.Scan(&x.entry, &x.l.Account, &x.l.Key, &x.l.Label, &x.l.Debit, &x.l.Credit, &x.l.VAT, &x.l.Recoverable)
	})
	if err != nil {
		return nil, err
	}
	for _, x := range lines {
		if i, ok := at[x.entry]; ok {
			list[i].Lines = append(list[i].Lines, x.l)
		}
	}
	return list, nil
}

func exerciseStarting(list []Exercise, start time.Time) Exercise {
	for _, ex := range list {
		if ex.Start.Equal(start) {
			return ex
		}
	}
	return Exercise{Start: start}
}

func exerciseNameAt(list []Exercise, d time.Time) string {
	for _, ex := range list {
		if ex.Contains(d) {
			return ex.Name()
		}
	}
	return "hors exercice"
}

// VerifyChain checks, inside a transaction, the chain of entries and the
// seals: each entry against its last record, so an entry changed outside
// Tantième is named (the closing of approved accounts asks it).
func (tx *Tx) VerifyChain() (ChainReport, error) { return tx.checkChain() }

// VerifyChain checks the chain of entries and the seals (checkChain).
func (d *DB) VerifyChain() (ChainReport, error) {
	var rep ChainReport
	err := d.View(func(tx *Tx) error {
		var err error
		rep, err = tx.checkChain()
		return err
	})
	return rep, err
}

// SealVerdict says whether the chain still passes through a fingerprint
// printed on a document about an exercise, and what changed in that
// exercise's books since.
type SealVerdict struct {
	Fingerprint string
	Exercise    Exercise
	Found       bool
	Record      ChainRecord // the record whose link it is
	Changed     []string    // entries of the exercise changed or deleted after it, in French
	Added       int         // entries of the exercise posted after it (the closing, late entries)
	Sealed      bool        // it is the exercise's seal
}

// VerifyFingerprint looks for fingerprint in the chain: found, the books of
// exercise ex as they were when it was printed are still the chain's; the
// changes made to them since, each recorded in the chain, are listed.
func (d *DB) VerifyFingerprint(ex Exercise, fingerprint string) (SealVerdict, error) {
	v := SealVerdict{Exercise: ex}
	fp, err := NormalizeFingerprint(fingerprint)
	if err != nil {
		return v, err
	}
	v.Fingerprint = fp
	err = d.View(func(tx *Tx) error { return tx.verifyFingerprint(ex, fp, &v) })
	return v, err
}

// VerifyFingerprint is DB.VerifyFingerprint inside a transaction (the
// closing checks the fingerprint the AG approved in its own).
func (tx *Tx) VerifyFingerprint(ex Exercise, fingerprint string) (SealVerdict, error) {
	v := SealVerdict{Exercise: ex}
	fp, err := NormalizeFingerprint(fingerprint)
	if err != nil {
		return v, err
	}
	v.Fingerprint = fp
	return v, tx.verifyFingerprint(ex, fp, &v)
}

func (tx *Tx) verifyFingerprint(ex Exercise, fp string, v *SealVerdict) error {
	start := ISO(ex.Start)
	if s, ok, err := tx.Seal(ex.ID); err != nil {
		return err
	} else if ok && s.Link.Fingerprint() == fp {
		v.Sealed = true
	}
	_, broken, err := tx.walkChain(fingerprintVisitor(start, fp, v), map[int64]entryState{})
	if err != nil {
		return err
	}
	if len(broken) > 0 {
		return Errorf(Damaged, "La chaîne des écritures ne se vérifie pas : %s", broken[0])
	}
	return nil
}

// fingerprintVisitor is the walk of verifyFingerprint: it finds the record
// whose link is fp, then counts what changed, after it, in the books of the
// exercise starting on start.
func fingerprintVisitor(start, fp string, v *SealVerdict) func(r ChainRecord, before entryState, known bool) error {
	return func(r ChainRecord, before entryState, known bool) error {
		if !v.Found {
			if r.Link.Fingerprint() == fp {
				v.Found, v.Record = true, r
			}
			return nil
		}
		if r.Op == OpSeal {
			return nil
		}
		inEx := ISO(r.Exercise) == start
		wasInEx := known && before.exercise == start && before.alive
		switch {
		case r.Op == OpPost && inEx:
			v.Added++
		case r.Op == OpReplace && (inEx || wasInEx):
			v.Changed = append(v.Changed, fmt.Sprintf("écriture n° %d modifiée (rang %d)", r.EntryID, r.Seq))
		case r.Op == OpDelete && wasInEx:
			v.Changed = append(v.Changed, fmt.Sprintf("écriture n° %d supprimée (rang %d)", r.EntryID, r.Seq))
		}
		return nil
	}
}

// linesHaveVAT says whether the file's lines have migration 019's columns.
func (tx *Tx) linesHaveVAT() bool { return tx.hasColumn("lines", "vat") }

// lineVATOnly is l.vat, or 0 in a file without it.
func (tx *Tx) lineVATOnly() string {
	if tx.linesHaveVAT() {
		return "l.vat"
	}
	return "0"
}

// lineVAT is what a SELECT reads for a line's VAT and share, the table
// named as prefix ("l." or ""): zeros in a file without them.
func (tx *Tx) lineVAT(prefix string) string {
	if tx.linesHaveVAT() {
		return prefix + "vat, " + prefix + "recoverable"
	}
	return "0, 0"
}

// hasColumn says whether the file's table has the column: a file of an
// older schema is read before it is migrated (a backup verified, 007's
// step), and tests of older migrations write one with this code.
func (tx *Tx) hasColumn(table, column string) bool {
	key := "hasColumn:" + table + "." + column
	if v, ok := tx.cache[key]; ok {
		return v.(bool)
	}
	var n int
	tx.queryRow(`SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`, table, column).Scan(&n)
	tx.remember(key, n > 0)
	return n > 0
}
