package ledger

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// textColumns is the kind of every text column the schema limits. The
// numbers come from the Go constants only: the test below checks that the
// triggers say the same.
var textColumns = map[string]TextKind{
	"residence.name": NameText, "residence.address": AddressText, "residence.zip": ShortText, "residence.city": NameText,
	"residence.syndic_name": NameText, "residence.syndic_address": AddressText, "residence.syndic_phone": ShortText,
	"residence.syndic_email": NameText, "residence.created_at": ShortText,
	"options.name": NameText, "options.value": OptionText,
	"exercises.closed_at": ShortText,
	"accounts.label":      LabelText,
	"journals.label":      NameText,
	"bank_accounts.label": NameText, "bank_accounts.iban": ShortText, "bank_accounts.bic": ShortText, "bank_accounts.ics": ShortText,
	"owners.civility": ShortText, "owners.name": NameText, "owners.address": AddressText, "owners.zip": ShortText,
	"owners.city": NameText, "owners.country": NameText, "owners.email": NameText, "owners.phone": ShortText,
	"owners.mobile": ShortText, "owners.bank_name": NameText, "owners.entry_date": ShortText, "owners.exit_date": ShortText,
	"owners.notes": NotesText,
	"lots.label":   NameText, "lots.type": ShortText, "lots.building": ShortText, "lots.staircase": ShortText,
	"lots.floor": ShortText, "lots.door": ShortText,
	"keys.label": NameText, "keys.declared_total": ShortText,
	"suppliers.name": NameText, "suppliers.address": AddressText, "suppliers.zip": ShortText, "suppliers.city": NameText,
	"suppliers.iban": ShortText, "suppliers.bic": ShortText, "suppliers.contact": NameText, "suppliers.phone": ShortText,
	"suppliers.email": NameText, "suppliers.notes": NotesText,
	"entries.piece": ShortText, "entries.label": LabelText, "entries.origin": LabelText,
	"lines.label": LabelText, "lines.letter": ShortText, "lines.reconciled": ShortText,
	"works.label": NameText, "works.ag_date": ShortText, "works.resolution": ShortText, "works.end_date": ShortText, "works.notes": NotesText,
	"calls.label": LabelText, "calls.level": ShortText, "calls.piece": ShortText,
	"letter_templates.name": NameText, "letter_templates.body": TemplateText,
	"letter_images.name":     NameText,
	"receipts.cheque_number": ShortText, "receipts.drawer": NameText, "receipts.drawer_bank": NameText,
	"invoices.number":  ShortText,
	"bank_lines.label": LabelText, "bank_lines.details": NotesText, "bank_lines.reference": NameText,
	"bank_lines.end_to_end": NameText, "bank_lines.counterparty_name": NameText, "bank_lines.counterparty_iban": ShortText,
	"bank_lines.code": ShortText, "bank_lines.file": NameText,
	"sepa_files.name": NameText,
	"binders.label":   NameText, "documents.title": LabelText, "documents.file": OptionText, "owner_consents.email": NameText,
	"mailings.title": LabelText, "mailings.subject": LabelText, "mail_messages.address": NameText, "mail_messages.reason": NotesText,
	"publications.folder": OptionText, "published.name": NameText,
	"mailings.body": NotesText, "mail_messages.amount": ShortText,
	"meters.label": NameText, "meters.unit": ShortText, "meter_readings.period": ShortText, "meter_readings.reason": LabelText,
	"recovery_steps.label": LabelText, "recovery_steps.letter_number": ShortText,
	"assemblies.place": AddressText, "assemblies.consult_place": AddressText, "assemblies.president": NameText,
	"assemblies.secretary": NameText, "assemblies.scrutineers": LabelText,
	"resolutions.title": LabelText, "resolutions.text": NotesText, "attendances.proxy_name": NameText,
}

// textExempt are text columns without a text trigger, and why: each is
// bounded by a CHECK of its own, or is a code that must name an existing
// account, key, lot, owner, journal or campaign (a trigger or a foreign key
// checks it), or is written by the program from a typed value (date,
// decimal, code) and never typed by the user.
var textExempt = map[string]string{
	"accounts.code": "CHECK length 6", "journals.code": "CHECK length 1-4", "keys.code": "CHECK length 1-3",
	"lots.number": "CHECK length 1-5", "works.code": "CHECK GLOB", "works.type": "CHECK IN",
	"owners.account": "CHECK GLOB", "suppliers.account": "CHECK GLOB", "bank_accounts.account": "foreign key",
	"exercises.start": "date", "exercises.end": "date",
	"lot_owners.lot": "foreign key", "lot_owners.owner": "foreign key", "lot_owners.from_date": "date",
	"shares.lot": "foreign key", "shares.key": "foreign key", "shares.shares": "decimal",
	"budget.account": "foreign key", "budget.key": "foreign key",
	"entries.journal": "foreign key", "entries.date": "CHECK GLOB", "entries.validated": "CHECK GLOB",
	"lines.account": "trigger lines_account_*", "lines.key": "trigger lines_key_*",
	"day_totals.account": "written by triggers", "day_totals.key": "written by triggers", "day_totals.date": "written by triggers",
	"works_keys.works": "foreign key", "works_keys.key": "foreign key",
	"works_schedule.works": "foreign key", "works_schedule.due_date": "CHECK GLOB", "works_fund.key": "foreign key",
	"calls.kind": "CHECK IN", "calls.works": "CHECK with kind", "calls.due_date": "date", "calls.period_start": "date",
	"calls.period_end": "date", "calls.account": "foreign key",
	"call_keys.key": "foreign key", "call_keys.total_shares": "decimal",
	"call_parts.owner": "foreign key", "call_parts.key": "foreign key", "call_parts.shares": "decimal",
	"deposits.date": "CHECK GLOB", "deposits.bank_account": "foreign key",
	"receipts.owner": "foreign key", "receipts.mode": "CHECK IN", "receipts.bank_account": "foreign key",
	"receipts.account": "foreign key", "invoices.supplier": "foreign key",
	"bank_statements.account": "foreign key", "bank_statements.date": "CHECK GLOB",
	"closings.owners_at": "CHECK GLOB", "closings.posted_at": "date",
	"closing_keys.section": "code", "closing_keys.key": "code", "closing_keys.total_shares": "decimal",
	"closing_parts.section": "code", "closing_parts.owner": "foreign key", "closing_parts.key": "code",
	"closing_parts.shares": "decimal",
	"owner_ibans.owner":    "foreign key", "owner_ibans.iban": "CHECK length and GLOB", "owner_ibans.learnt_at": "CHECK GLOB",
	"bank_lines.bank_account": "foreign key", "bank_lines.date": "CHECK GLOB", "bank_lines.value_date": "CHECK GLOB",
	"bank_lines.fingerprint": "CHECK length and GLOB", "bank_lines.status": "CHECK IN", "bank_lines.imported_at": "CHECK GLOB",
	"bank_accounts.fund": "CHECK length and GLOB", "deposits.kind": "CHECK IN",
	"mandates.owner": "foreign key", "mandates.rum": "CHECK length and GLOB", "mandates.iban": "CHECK length and GLOB",
	"mandates.bic": "CHECK length and GLOB", "mandates.signed_at": "CHECK GLOB", "mandates.first_collection": "CHECK GLOB",
	"mandates.last_collection": "CHECK GLOB", "mandates.revoked_at": "CHECK GLOB",
	"sepa_files.msg_id": "CHECK length and GLOB", "sepa_files.kind": "CHECK IN", "sepa_files.schema": "CHECK IN",
	"sepa_files.bank_account": "foreign key", "sepa_files.created_at": "CHECK GLOB", "sepa_files.execution": "CHECK GLOB",
	"sepa_files.sha256":        "CHECK length and GLOB",
	"sepa_payments.end_to_end": "CHECK length and GLOB", "sepa_payments.account": "foreign key", "sepa_payments.sequence": "CHECK IN",
	"expected_cheques.owner": "foreign key", "expected_cheques.date": "CHECK GLOB", "expected_cheques.number": "CHECK length and GLOB",
	"binders.code": "CHECK length and GLOB", "binder_audiences.binder": "foreign key", "binder_audiences.audience": "CHECK IN",
	"documents.binder": "foreign key", "documents.kind": "CHECK length and GLOB", "documents.date": "CHECK GLOB",
	"documents.sha256": "CHECK length and GLOB", "documents.added_at": "CHECK GLOB", "documents.withdrawn_at": "CHECK GLOB",
	"document_owners.owner": "foreign key", "owner_consents.owner": "foreign key", "owner_consents.given_at": "CHECK GLOB",
	"owner_consents.revoked_at": "CHECK GLOB", "mailings.kind": "CHECK length and GLOB", "mailings.created_at": "CHECK GLOB",
	"mail_messages.owner": "foreign key", "mail_messages.status": "CHECK IN", "mail_messages.at": "CHECK GLOB",
	"publications.at": "CHECK GLOB", "publications.since": "CHECK GLOB", "published.folder": "CHECK length, the folder of a publication",
	"published.audience": "CHECK length and GLOB", "published.sha256": "CHECK length and GLOB",
	"chain.op": "CHECK IN", "chain.exercise": "CHECK GLOB",
	"chain_versions.body": "written by the program: the chain's encoding of an entry, whose texts were checked when it was posted",
	"meters.code":         "CHECK length and GLOB", "meters.unit_price": "decimal, CHECK length and GLOB",
	"meters.estimate_key": "foreign key", "meters.actual_key": "foreign key",
	"meters.general_old": "decimal, CHECK length and GLOB", "meters.general_new": "decimal, CHECK length and GLOB",
	"meter_readings.meter": "foreign key", "meter_readings.lot": "foreign key",
	"meter_readings.old_index": "decimal, CHECK length and GLOB", "meter_readings.new_index": "decimal, CHECK length and GLOB",
	"meter_readings.changed_end": "decimal, CHECK length and GLOB", "meter_readings.changed_start": "decimal, CHECK length and GLOB",
	"meter_readings.forced": "decimal, CHECK length and GLOB", "meter_readings.estimate": "decimal, CHECK length and GLOB",

	// The recovery of unpaid charges (issue 20, migration 018).
	"recovery_steps.owner": "foreign key", "recovery_steps.kind": "CHECK IN", "recovery_steps.date": "CHECK GLOB",
	"recovery_steps.received_at": "CHECK GLOB",

	// The general assembly (issue 21, migration 020).
	"assemblies.day": "CHECK GLOB", "assemblies.time": "CHECK GLOB", "assemblies.kind": "CHECK IN",
	"assemblies.consult_from": "CHECK GLOB", "assemblies.consult_to": "CHECK GLOB", "assemblies.convened_on": "CHECK GLOB",
	"assemblies.status": "CHECK IN", "resolutions.article": "CHECK IN", "resolutions.key": "foreign key",
	"resolutions.kind": "CHECK IN", "resolutions.outcome": "CHECK IN", "resolutions.fingerprint": "CHECK length and GLOB",
	"attendances.owner": "foreign key", "attendances.status": "CHECK IN", "attendances.proxy_owner": "foreign key",
	"attendances.form_received": "CHECK GLOB", "votes.owner": "foreign key", "votes.choice": "CHECK IN", "attendances.proxy_tie": "CHECK IN",
}

// controlClass is the GLOB class of the characters the triggers refuse, as
// char() arguments (45 is '-'): the ranges forbiddenRune refuses, LF left
// out for multi-line columns.
func controlClass(multiline bool) string {
	ranges := [][2]rune{{1, 31}, {0x7f, 0x9f}, {0x202a, 0x202e}, {0x2066, 0x2069}}
	if multiline {
		ranges = append([][2]rune{{1, 9}, {11, 31}}, ranges[1:]...)
	}
	var args []string
	for _, r := range ranges {
		args = append(args, fmt.Sprint(r[0]), "45", fmt.Sprint(r[1]))
	}
	return "char(" + strings.Join(args, ",") + ")"
}

// The schema's text triggers use the limits of ledger/text.go, refuse
// NUL and the characters CleanText refuses, and cover every text column.
func TestTextTriggersMatchGo(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.copro")
	db, err := Create(file, Setup{Residence: Residence{Name: "R"}, FirstStart: Date(2025, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// The class in the triggers is the one forbiddenRune refuses.
	for _, multiline := range []bool{false, true} {
		for r := rune(1); r < 0x2100; r++ {
			inClass := forbiddenRune(r) && !(multiline && r == '\n')
			var glob bool
			q := "SELECT ? GLOB '*[' || " + controlClass(multiline) + " || ']*'"
			if err := db.sql.QueryRow(q, "a"+string(r)+"b").Scan(&glob); err != nil {
				t.Fatal(err)
			}
			if glob != inClass {
				t.Fatalf("U+%04X (multiline %v): GLOB %v, forbiddenRune %v", r, multiline, glob, inClass)
			}
		}
	}

	rows, err := db.sql.Query(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_text_*'`)
	if err != nil {
		t.Fatal(err)
	}
	lengthRe := regexp.MustCompile(`length\(NEW\.(\w+)\) > (\d+)`)
	seen := map[string]int{}
	for rows.Next() {
		var name, table, sql string
		if err := rows.Scan(&name, &table, &sql); err != nil {
			t.Fatal(err)
		}
		m := lengthRe.FindAllStringSubmatch(sql, -1)
		if len(m) != 1 {
			t.Errorf("%s: %d length checks, want one", name, len(m))
			continue
		}
		col := table + "." + m[0][1]
		kind, ok := textColumns[col]
		if !ok {
			t.Errorf("%s checks %s, which textColumns does not list", name, col)
			continue
		}
		if got := m[0][2]; got != fmt.Sprint(kind.Max) {
			t.Errorf("%s: limit %s, ledger/text.go says %d", name, got, kind.Max)
		}
		c := m[0][1]
		for _, want := range []string{
			fmt.Sprintf("instr(CAST(NEW.%s AS BLOB), x'00') > 0", c),
			fmt.Sprintf("NEW.%s GLOB '*[' || %s || ']*'", c, controlClass(kind.Multiline)),
			fmt.Sprintf("(%d caractères au plus)", kind.Max),
		} {
			if !strings.Contains(sql, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		switch {
		case strings.HasSuffix(name, "_text_insert") && strings.Contains(sql, "BEFORE INSERT ON "+table):
			seen[col] |= 1
		case strings.HasSuffix(name, "_text_update") && strings.Contains(sql, "BEFORE UPDATE OF "+c+" ON "+table) &&
			strings.Contains(sql, fmt.Sprintf("NEW.%s IS NOT OLD.%s AND", c, c)):
			seen[col] |= 2
		default:
			t.Errorf("%s: unexpected form", name)
		}
	}
	rows.Close()
	for col := range textColumns {
		if seen[col] != 3 {
			t.Errorf("%s: insert and update triggers missing (%b)", col, seen[col])
		}
	}

	// Every text column of the schema is limited, or exempt for a reason.
	tables, err := db.sql.Query(`SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND upper(p.type) = 'TEXT'`)
	if err != nil {
		t.Fatal(err)
	}
	defer tables.Close()
	for tables.Next() {
		var table, col string
		if err := tables.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		k := table + "." + col
		if _, ok := textColumns[k]; !ok && textExempt[k] == "" {
			t.Errorf("text column %s has no limit: give it a kind in ledger/text.go's terms, triggers in a migration and a line in textColumns (or a reason in textExempt)", k)
		}
	}
}

// Opening a residence written before the limits cleans what it can: breaks
// in one-line fields, texts cut to their limit; it leaves values with a
// NUL and the books (entries, lines, calls), and never fails on them.
func TestMigrateTextLimits(t *testing.T) {
	names, err := migrationNames()
	if err != nil {
		t.Fatal(err)
	}
	before := -1
	for i, n := range names {
		if strings.HasSuffix(n, "_text_limits.sql") {
			before = i
		}
	}
	if before < 0 {
		t.Fatal("no text limits migration")
	}
	file := filepath.Join(t.TempDir(), "ancienne.copro")
	d, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.sql.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	for _, n := range names[:before] {
		body, err := migrations.ReadFile("migrations/" + n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.sql.Exec(string(body)); err != nil {
			t.Fatal(n, err)
		}
	}
	if _, err := d.sql.Exec(fmt.Sprintf("PRAGMA user_version = %d", before)); err != nil {
		t.Fatal(err)
	}
	err = d.Update(func(tx *Tx) error {
		return tx.initialize(Setup{Residence: Residence{Name: "Ancienne"}, FirstStart: Date(2024, 1, 1), FirstEnd: Date(2024, 12, 31)})
	})
	if err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("x", 3<<20)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO accounts (code, label) VALUES ('450001', 'A'), ('450002', 'B'), ('450003', 'C')`, nil},
		{`INSERT INTO owners (account, name, address, notes) VALUES ('450001', ?, ?, ?)`, []any{"Dupont\tZoé\r\n" + huge, "1 rue\r\nBât. A\r2e\tét.", "ok"}},
		{`INSERT INTO owners (account, name) VALUES ('450002', ?)`, []any{"Nul\x00" + huge}},
		{`INSERT INTO owners (account, name) VALUES ('450003', ?)`, []any{"Esc\x1b"}},
		{`INSERT INTO entries (id, journal, date, piece, label) VALUES (1, 'OD', '2024-02-01', 'P1', ?)`, []any{"Libellé\x00caché\t" + huge}},
		{`INSERT INTO lines (entry_id, account, label, debit) VALUES (1, '450001', ?, 100)`, []any{"a\tb"}},
		{`INSERT INTO lines (entry_id, account, credit) VALUES (1, '512000', 100)`, nil},
		{`UPDATE entries SET posted = 1 WHERE id = 1`, nil},
	} {
		if _, err := d.sql.Exec(q.sql, q.args...); err != nil {
			t.Fatal(q.sql, err)
		}
	}
	d.Close()

	db, err := Open(file)
	if err != nil {
		t.Fatalf("opening a residence with old texts: %v", err)
	}
	defer db.Close()
	err = db.View(func(tx *Tx) error {
		owners, err := tx.Owners()
		if err != nil {
			return err
		}
		want := []struct{ name, address string }{
			{("Dupont Zoé " + huge)[:MaxNameText+1], "1 rue\nBât. A\n2e ét."}, // é is two bytes: MaxNameText characters
			{"Nul\x00" + huge, ""},
			{"Esc\x1b", ""},
		}
		for i, o := range owners {
			if o.Name != want[i].name || o.Address != want[i].address {
				t.Errorf("owner %s: %.40q (%d bytes) %q; want %.40q (%d bytes) %q", o.Account, o.Name, len(o.Name), o.Address,
					want[i].name, len(want[i].name), want[i].address)
			}
		}
		e, err := tx.Entry(1)
		if err != nil {
			return err
		}
		if e.Label != "Libellé\x00caché\t"+huge || e.Lines[0].Label != "a\tb" {
			t.Errorf("the books were changed: %.30q %q", e.Label, e.Lines[0].Label)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if problems, err := db.Check(true); err != nil || len(problems) != 0 {
		t.Errorf("check after migrating: %v %v", problems, err)
	}
}
