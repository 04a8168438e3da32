package ofx

import (
	"fmt"
	"strings"
	"time"

	"tantieme/bankfile"
)

// statements turns the element tree into one Statement per bank statement
// (STMTRS, OFX 1.0.2 §11.4.2.2) or card statement (CCSTMTRS, §11.4.3.2).
func statements(file string, root *node, format string) ([]bankfile.Statement, error) {
	fail := func(line int, msg string) error {
		return &bankfile.Error{File: file, Where: fmt.Sprintf("ligne %d", line), Msg: msg}
	}
	ofx := root.child("OFX")
	if ofx == nil {
		return nil, &bankfile.Error{File: file, Msg: "ce n'est pas un fichier OFX : l'élément <OFX> manque"}
	}
	var (
		out    []bankfile.Statement
		lines  int
		err    error
		status *node // the first status that is not success, to explain an empty answer
	)
	ofx.walk(func(n *node) bool {
		if err != nil {
			return false
		}
		switch n.tag {
		case "STATUS":
			if c := strings.TrimSpace(n.value("CODE")); c != "" && c != "0" && status == nil {
				status = n
			}
			return false
		case "STMTRS", "CCSTMTRS":
			var st bankfile.Statement
			st, err = statement(fail, n, format, &lines)
			if err == nil {
				out = append(out, st)
			}
			return false
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		if status != nil {
			msg := "la banque a répondu par une erreur (code " + clip(clean(status.value("CODE")), 10)
			if m := clean(status.value("MESSAGE")); m != "" {
				msg += " : " + clip(m, 200)
			}
			return nil, fail(status.line, msg+") et le fichier ne contient aucun relevé")
		}
		return nil, fail(ofx.line, "ce fichier OFX ne contient aucun relevé de compte (élément <STMTRS>)")
	}
	return out, nil
}

// statement reads one STMTRS or CCSTMTRS. lines counts the movements of
// the whole file against bankfile.MaxLines.
func statement(fail func(int, string) error, n *node, format string, lines *int) (bankfile.Statement, error) {
	st := bankfile.Statement{Format: format, Where: fmt.Sprintf("ligne %d", n.line)}
	// CURDEF is required (§11.4.2.2); the books are in euros.
	cur := strings.ToUpper(clean(n.value("CURDEF")))
	switch cur {
	case "EUR":
		st.Currency = cur
	case "":
		return st, fail(n.line, "la devise du relevé (élément <CURDEF>) n'est pas indiquée")
	default:
		return st, fail(n.child("CURDEF").line, fmt.Sprintf("le relevé est en « %s » : seuls les relevés en euros (EUR) sont acceptés", clip(cur, 10)))
	}
	from := n.child("BANKACCTFROM")
	if n.tag == "CCSTMTRS" {
		from = n.child("CCACCTFROM")
	}
	if from == nil {
		return st, fail(n.line, "le relevé ne dit pas de quel compte il s'agit (élément <BANKACCTFROM> absent)")
	}
	st.Account = account(from)
	if st.Account.IBAN == "" && st.Account.Number == "" {
		return st, fail(from.line, "le numéro du compte (élément <ACCTID>) est vide")
	}
	var err error
	if list := n.child("BANKTRANLIST"); list != nil {
		if st.From, err = optDate(fail, list, "DTSTART"); err != nil {
			return st, err
		}
		if st.To, err = optDate(fail, list, "DTEND"); err != nil {
			return st, err
		}
		for _, k := range list.kids {
			if k.tag != "STMTTRN" {
				continue
			}
			if *lines++; *lines > bankfile.MaxLines {
				return st, fail(k.line, fmt.Sprintf("plus de %d opérations dans le fichier : ce n'est pas un relevé ordinaire", bankfile.MaxLines))
			}
			l, err := line(fail, k)
			if err != nil {
				return st, err
			}
			st.Lines = append(st.Lines, l)
		}
	}
	// LEDGERBAL is the booked balance at DTASOF (§11.4.2.2): the closing
	// balance. OFX has no opening one (AVAILBAL is what may be spent).
	if bal := n.child("LEDGERBAL"); bal != nil {
		b := &bankfile.Balance{}
		if b.Amount, err = amount(fail, bal, "BALAMT"); err != nil {
			return st, err
		}
		if b.Date, err = optDate(fail, bal, "DTASOF"); err != nil {
			return st, err
		}
		st.Closing = b
	}
	return st, nil
}

// line reads one STMTTRN (§11.4.2.3).
func line(fail func(int, string) error, n *node) (bankfile.Line, error) {
	l := bankfile.Line{Where: fmt.Sprintf("ligne %d", n.line)}
	var err error
	if n.child("DTPOSTED") == nil {
		return l, fail(n.line, "l'opération n'a pas de date (élément <DTPOSTED>)")
	}
	if l.Date, err = optDate(fail, n, "DTPOSTED"); err != nil {
		return l, err
	}
	// The value date is DTAVAIL (« date funds are available (value
	// date) »); French banks give none and put their operation date in
	// DTUSER, which stands in for it.
	if l.ValueDate, err = optDate(fail, n, "DTAVAIL"); err != nil {
		return l, err
	}
	if l.ValueDate.IsZero() {
		if l.ValueDate, err = optDate(fail, n, "DTUSER"); err != nil {
			return l, err
		}
	}
	if l.Amount, err = amount(fail, n, "TRNAMT"); err != nil {
		return l, err
	}
	// CURRENCY says TRNAMT is in another currency than CURDEF (§5.2);
	// ORIGCURRENCY only recalls the original one, the amount being
	// already converted.
	if c := n.child("CURRENCY"); c != nil {
		if sym := strings.ToUpper(clean(c.value("CURSYM"))); sym != "" && sym != "EUR" {
			return l, fail(c.line, fmt.Sprintf("l'opération est en « %s » : seules les opérations en euros (EUR) sont acceptées", clip(sym, 10)))
		}
	}
	l.Code = strings.ToUpper(clean(n.value("TRNTYPE")))
	l.Reference = clean(n.value("FITID"))
	l.Check = clean(n.value("CHECKNUM"))
	l.Label = clean(n.value("NAME"))
	if m := clean(n.value("MEMO")); m != "" {
		l.Details = []string{m}
	}
	if p := n.child("PAYEE"); p != nil {
		l.Counterparty.Name = clean(p.value("NAME"))
	}
	if l.Label == "" {
		l.Label = l.Counterparty.Name
	}
	for _, to := range []string{"BANKACCTTO", "CCACCTTO"} {
		if a := n.child(to); a != nil {
			if acct := account(a); acct.IBAN != "" {
				l.Counterparty.IBAN = acct.IBAN
			}
		}
	}
	return l, nil
}

// amount reads a required amount leaf: signed already (a credit positive,
// §3.2.9.2), with a dot or a comma.
func amount(fail func(int, string) error, n *node, tag string) (int64, error) {
	k := n.child(tag)
	if k == nil {
		return 0, fail(n.line, fmt.Sprintf("le montant (élément <%s>) manque", tag))
	}
	v := clean(k.text)
	if v == "" {
		return 0, fail(k.line, fmt.Sprintf("le montant (élément <%s>) est vide", tag))
	}
	c, err := bankfile.ParseDecimal(v)
	if err != nil {
		return 0, fail(k.line, fmt.Sprintf("%v (élément <%s>)", err, tag))
	}
	return c, nil
}

// optDate reads a date leaf; the zero time when the element is absent.
func optDate(fail func(int, string) error, n *node, tag string) (t0 time.Time, err error) {
	k := n.child(tag)
	if k == nil {
		return t0, nil
	}
	t, err := date(k.text)
	if err != nil {
		return t0, fail(k.line, fmt.Sprintf("%v (élément <%s>)", err, tag))
	}
	return t, nil
}
