package ledger

import (
	"database/sql"
	"fmt"
)

// Problem is one finding of Check, in French.
type Problem struct {
	Severity string // "erreur" breaks the books; "attention" should be looked at
	Text     string
}

func (p Problem) String() string { return p.Severity + " : " + p.Text }

// Check verifies the file and the books: SQLite integrity (full when asked,
// quick otherwise), schema, every entry balanced, charge lines keyed, the
// per-day totals, the locks of closed exercises, and key totals.
func (d *DB) Check(full bool) ([]Problem, error) {
	var out []Problem
	add := func(sev, format string, args ...any) {
		out = append(out, Problem{Severity: sev, Text: fmt.Sprintf(format, args...)})
	}
	pragma := "PRAGMA quick_check"
	if full {
		pragma = "PRAGMA integrity_check"
	}
	err := d.View(func(tx *Tx) error {
		msgs, err := collect(tx, "contrôle d'intégrité", pragma, nil, func(r *sql.Rows) (string, error) {
			var s string
			return s, r.Scan(&s)
		})
		if err != nil {
			if isCorrupt(err) {
				add("erreur", "fichier endommagé : SQLite ne peut pas le parcourir en entier ; restaurez la dernière sauvegarde")
				return nil
			}
			return err
		}
		if len(msgs) != 1 || msgs[0] != "ok" {
			for _, m := range msgs {
				add("erreur", "fichier endommagé : %s", m)
			}
			return nil // the rest cannot be trusted
		}
		return tx.checkBooks(add)
	})
	return out, err
}

func (tx *Tx) checkBooks(add func(sev, format string, args ...any)) error {
	var version int
	if err := tx.queryRow("PRAGMA user_version").Scan(&version); err != nil {
		return sqlError(err, "contrôle")
	}
	if version != SchemaVersion() {
		add("erreur", "version du schéma %d au lieu de %d", version, SchemaVersion())
	}
	schema, err := tx.checkSchema(version)
	if err != nil {
		return err
	}
	for _, f := range schema {
		add("erreur", "%s", f)
	}

	type finding struct{ a, b, c string }
	queries := []struct {
		sev, format, sql string
	}{
		{"erreur", "l'écriture n° %s du %s n'est pas équilibrée (écart de %s centimes) ou a moins de deux lignes",
			`SELECT e.id, e.date, coalesce(sum(l.debit) - sum(l.credit), 0) FROM entries e LEFT JOIN lines l ON l.entry_id = e.id
			 WHERE e.posted = 1 GROUP BY e.id HAVING count(l.id) < 2 OR sum(l.debit) <> sum(l.credit)`},
		{"attention", "l'écriture n° %s du %s n'est pas validée (brouillon ignoré dans les comptes, lignes : %s)",
			`SELECT e.id, e.date, (SELECT count(*) FROM lines WHERE entry_id = e.id) FROM entries e WHERE e.posted = 0`},
		{"erreur", "ligne %s : la charge %s n'a pas de clé de répartition valide%s",
			`SELECT l.id, l.account, '' FROM lines l WHERE l.account LIKE '6%' AND (l.key IS NULL OR l.key NOT IN (SELECT code FROM keys))`},
		{"erreur", "ligne %s : le compte %s n'existe pas dans le plan comptable%s",
			`SELECT l.id, l.account, '' FROM lines l WHERE l.account NOT IN (SELECT code FROM accounts)`},
		{"erreur", "ligne %s : montants invalides (%s / %s)",
			`SELECT id, debit, credit FROM lines WHERE debit < 0 OR credit < 0 OR (debit <> 0 AND credit <> 0) OR (debit = 0 AND credit = 0)`},
		{"erreur", "ligne %s : rattachée à l'écriture %s qui n'existe pas%s",
			`SELECT l.id, l.entry_id, '' FROM lines l WHERE l.entry_id NOT IN (SELECT id FROM entries)`},
		{"erreur", "l'écriture n° %s du %s est hors de tout exercice%s",
			`SELECT e.id, e.date, '' FROM entries e WHERE NOT EXISTS (SELECT 1 FROM exercises x WHERE e.date BETWEEN x.start AND x.end)`},
		{"erreur", "totaux journaliers du compte %s au %s incohérents avec les lignes (%s)",
			`WITH l AS (SELECT l.account, coalesce(l.key, '') AS key, e.date, e.journal = 'AN' AS opening,
			                   sum(l.debit) AS debit, sum(l.credit) AS credit
			            FROM lines l JOIN entries e ON e.id = l.entry_id WHERE e.posted = 1 GROUP BY 1, 2, 3, 4)
			 SELECT coalesce(l.account, t.account), coalesce(l.date, t.date), 'clé ' || coalesce(l.key, t.key)
			 FROM l FULL OUTER JOIN day_totals t ON t.account = l.account AND t.key = l.key AND t.date = l.date
			      AND t.opening = l.opening
			 WHERE coalesce(l.debit, 0) <> coalesce(t.debit, 0) OR coalesce(l.credit, 0) <> coalesce(t.credit, 0)`},
		{"erreur", "l'appel de fonds %s du %s : %s",
			`SELECT c.piece, c.due_date, 'son écriture n''existe plus' FROM calls c
			 WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = c.entry_id AND e.posted = 1)
			    OR (c.cancel_entry_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = c.cancel_entry_id AND e.posted = 1))
			 UNION ALL
			 SELECT c.piece, c.due_date, 'les parts de la clé ' || k.key || ' ne font pas le montant appelé'
			 FROM calls c JOIN call_keys k ON k.call_id = c.id
			 WHERE k.amount <> (SELECT coalesce(sum(p.amount), 0) FROM call_parts p WHERE p.call_id = c.id AND p.key = k.key)`},
		{"erreur", "le lot %s n'a pas de propriétaire%s%s",
			`SELECT number, '', '' FROM lots WHERE number NOT IN (SELECT lot FROM lot_owners)`},
	}
	for _, q := range queries {
		found, err := collect(tx, "contrôle", q.sql, nil, func(r *sql.Rows) (finding, error) {
			var f finding
			var a, b, c any
			err := r.Scan(&a, &b, &c)
			f.a, f.b, f.c = fmt.Sprint(a), fmt.Sprint(b), fmt.Sprint(c)
			return f, err
		})
		if err != nil {
			return err
		}
		for i, f := range found {
			if i == 20 {
				add(q.sev, "… et %d autres cas semblables", len(found)-20)
				break
			}
			add(q.sev, q.format, f.a, f.b, f.c)
		}
	}

	ex, err := tx.Exercises()
	if err != nil {
		return err
	}
	if len(ex) == 0 {
		add("erreur", "la résidence n'a aucun exercice")
	}
	for i := 1; i < len(ex); i++ {
		if !ex[i].Start.Equal(ex[i-1].End.AddDate(0, 0, 1)) {
			add("erreur", "les exercices %s et %s ne se suivent pas", ex[i-1].Name(), ex[i].Name())
		}
		if ex[i].Closed && !ex[i-1].Closed {
			add("erreur", "l'exercice %s est clos alors que l'exercice %s qui le précède ne l'est pas", ex[i].Name(), ex[i-1].Name())
		}
	}
	if version == SchemaVersion() {
		rep, err := tx.checkChain()
		if err != nil {
			return err
		}
		for _, p := range rep.Problems {
			add("erreur", "%s", p)
		}
	}
	// What a closed exercise ends on is what the next one opens on.
	// Only for a closing made by the closing workflow (it leaves a closing
	// record): exercises locked directly have no carried balances to match.
	// Classes 6 and 7 are not carried: the annexes show them per exercise.
	for i := 0; i+1 < len(ex); i++ {
		if !ex[i].Closed {
			continue
		}
		if _, recorded, err := tx.ClosingRecordOf(ex[i].ID); err != nil {
			return err
		} else if !recorded {
			continue
		}
		gaps, err := collect(tx, "contrôle des à-nouveaux", `WITH closing AS (
				SELECT l.account, sum(l.debit) - sum(l.credit) AS bal FROM lines l JOIN entries e ON e.id = l.entry_id
				WHERE e.posted = 1 AND e.date BETWEEN ? AND ? GROUP BY l.account),
			opening AS (
				SELECT l.account, sum(l.debit) - sum(l.credit) AS bal FROM lines l JOIN entries e ON e.id = l.entry_id
				WHERE e.posted = 1 AND e.journal = 'AN' AND e.date = ? GROUP BY l.account)
			SELECT coalesce(c.account, o.account), coalesce(c.bal, 0), coalesce(o.bal, 0)
			FROM closing c FULL OUTER JOIN opening o ON o.account = c.account
			WHERE coalesce(c.bal, 0) <> coalesce(o.bal, 0) AND substr(coalesce(c.account, o.account), 1, 1) BETWEEN '1' AND '5' ORDER BY 1`,
			[]any{ISO(ex[i].Start), ISO(ex[i].End), ISO(ex[i+1].Start)}, func(r *sql.Rows) ([3]any, error) {
				var account string
				var closing, opening int64
				err := r.Scan(&account, &closing, &opening)
				return [3]any{account, Amount(closing), Amount(opening)}, err
			})
		if err != nil {
			return err
		}
		for _, g := range gaps {
			add("erreur", "compte %s : solde de clôture %s de l'exercice %s, mais solde d'ouverture %s de l'exercice %s", g[0], g[1], ex[i].Name(), g[2], ex[i+1].Name())
		}
	}
	totals, err := tx.KeyTotals()
	if err != nil {
		return err
	}
	for _, k := range totals {
		if !k.TotalsMatch() {
			add("erreur", "clé %s « %s » : total déclaré %s, somme des tantièmes des lots %s", k.Code, k.Label, k.DeclaredTotal, k.SumOfShares)
		}
	}
	return nil
}
