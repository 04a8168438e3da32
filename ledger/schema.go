package ledger

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
)

//go:generate go test -run ^TestExpectedSchemaIsCurrent$ -update-schema

// The schema a file must have is exactly the one migrations 1..v create for
// its user_version v: the same tables, indexes, views and triggers, each with
// the same SQL, and nothing more. A restored backup or a file edited with
// sqlite3 could otherwise carry a trigger that rewrites the owners at the next
// receipt, a view standing in for a table, or lock triggers that do nothing
// (a closed exercise would then be open to anyone). Names alone would not do:
// a same-name trigger with an empty body keeps every name in place.
//
// expectedSchemas (schema_expected.go) is generated from the embedded
// migrations by `go generate ./ledger`; TestExpectedSchemaIsCurrent fails
// when a migration changed without it. Comparing hashes of sqlite_schema's
// rows costs well under a millisecond, so every opening does it.

// schemaObject is one row of sqlite_schema, its SQL reduced to a hash.
type schemaObject struct {
	Type, Name, Table string
	SQL               string // hex SHA-256 of the CREATE statement as SQLite stores it; "" when it has none (automatic indexes)
}

// tolerated are objects SQLite itself may add to any file: the statistics
// tables written by ANALYZE (and PRAGMA optimize). They hold no code.
var tolerated = map[schemaObject]bool{
	{"table", "sqlite_stat1", "sqlite_stat1", hashSQL("CREATE TABLE sqlite_stat1(tbl,idx,stat)")}:                true,
	{"table", "sqlite_stat4", "sqlite_stat4", hashSQL("CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)")}: true,
	{"table", "sqlite_stat3", "sqlite_stat3", hashSQL("CREATE TABLE sqlite_stat3(tbl,idx,neq,nlt,ndlt,sample)")}: true,
}

func hashSQL(s string) string {
	if s == "" {
		return ""
	}
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// readSchema lists the file's schema objects, sorted.
func readSchema(q interface {
	Query(string, ...any) (*sql.Rows, error)
}) ([]schemaObject, error) {
	rows, err := q.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		var text string
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &text); err != nil {
			return nil, err
		}
		o.SQL = hashSQL(text)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortSchema(out)
	return out, nil
}

func sortSchema(s []schemaObject) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Type != s[j].Type {
			return s[i].Type < s[j].Type
		}
		return s[i].Name < s[j].Name
	})
}

// schemaFindings compares a file's schema with the one of its version and
// says, in French, what differs. None means the schema is exactly right.
func schemaFindings(version int, got []schemaObject) []string {
	want, ok := expectedSchemas[version]
	if !ok {
		return []string{fmt.Sprintf("version de schéma %d inconnue", version)}
	}
	wantByName := map[string]schemaObject{}
	for _, o := range want {
		wantByName[o.Name] = o
	}
	// Most telling first: a table become a view or a protection removed
	// says more than the triggers SQLite rewrote along with it.
	var replaced, missing, modified, added []string
	seen := map[string]bool{}
	for _, o := range got {
		seen[o.Name] = true
		w, expected := wantByName[o.Name]
		switch {
		case !expected && tolerated[o]:
		case !expected:
			added = append(added, fmt.Sprintf("objet ajouté hors de Tantième : %s « %s »", objectKind(o.Type), o.Name))
		case w.Type != o.Type:
			replaced = append(replaced, fmt.Sprintf("« %s » n'est plus %s mais %s", o.Name, objectKind(w.Type), objectKind(o.Type)))
		case w != o:
			modified = append(modified, fmt.Sprintf("définition modifiée hors de Tantième : %s « %s »", objectKind(o.Type), o.Name))
		}
	}
	for _, w := range want {
		if seen[w.Name] {
			continue
		}
		if w.Type == "trigger" {
			// The wording of the first versions, which checked the
			// protections by name.
			missing = append(missing, fmt.Sprintf("la protection « %s » du fichier a été retirée", w.Name))
		} else {
			missing = append(missing, fmt.Sprintf("objet absent : %s « %s »", objectKind(w.Type), w.Name))
		}
	}
	out := append(append(append(replaced, missing...), modified...), added...)
	return out
}

func objectKind(t string) string {
	switch t {
	case "table":
		return "une table"
	case "index":
		return "un index"
	case "view":
		return "une vue"
	case "trigger":
		return "un déclencheur"
	}
	return "un objet " + t
}

// checkSchema reads the schema through tx and compares it with version's.
func (tx *Tx) checkSchema(version int) ([]string, error) {
	got, err := readSchema(tx.tx)
	if err != nil {
		return nil, sqlError(err, "lecture du schéma")
	}
	return schemaFindings(version, got), nil
}
