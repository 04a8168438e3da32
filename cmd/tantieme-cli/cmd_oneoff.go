package main

import (
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

type oneOffArgs struct {
	advance                  bool
	key, amount, date, label string
	account, pdf             string
	preview                  bool
}

// runOneOff posts a one-off call (calls --direct) or an advance call
// (calls --advance) with its notices.
func runOneOff(file string, a oneOffArgs, opt app.NoticeOptions, out io.Writer) error {
	amount, err := ledger.ParseAmount(a.amount)
	if err != nil {
		return err
	}
	due, err := ledger.ParseDate(a.date)
	if err != nil {
		return err
	}
	account := a.account
	switch {
	case account == "" && a.advance:
		account = ledger.DefaultAdvanceAccount
	case account == "":
		account = ledger.DefaultOneOffAccount
	case a.advance && !ledger.IsAdvance(account):
		return ledger.Errorf(ledger.Invalid, "--advance : le compte %s n'est pas un compte d'avances (103)", account)
	}
	open := app.Open
	if a.preview {
		open = app.OpenReadOnly
	}
	r, err := open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	plan, err := r.PlanOneOffCall(app.OneOffRequest{Key: a.key, Amount: amount, Due: due, Label: a.label, Account: account})
	if err != nil {
		return err
	}
	if a.preview {
		printPlan(out, plan)
		if a.pdf != "" {
			if _, err := r.WritePreviewNotices(a.pdf, plan, opt); err != nil {
				return err
			}
			fmt.Fprintf(out, "Aperçu des avis dans %s.\n", a.pdf)
		}
		return nil
	}
	if err := plan.Err(); err != nil {
		return err
	}
	if a.pdf != "" {
		if err := checkWritable(a.pdf); err != nil {
			return err
		}
	}
	posted, err := r.PostCalls(plan)
	if err != nil {
		return err
	}
	for _, w := range plan.Warnings() {
		fmt.Fprintf(out, "Attention : %s\n", w)
	}
	c := posted[0]
	msg := fmt.Sprintf("Appel %s du %s (%s, compte %s) : %s réparti sur %s", c.Piece, ledger.FrenchDate(c.Due), c.Kind.Label(), c.Account,
		plan.Total, fr.Count(len(plan.Calls[0].Owners), "copropriétaire", "copropriétaires"))
	if a.pdf != "" {
		files, err := r.WriteCallNotices(a.pdf, posted, opt)
		if err != nil {
			return ledger.Wrap(ledger.KindOf(err), err, "L'appel %s est passé, mais ses avis n'ont pas pu être écrits (%s) ; réimprimez-les avec --notices", c.Piece, ledger.Message(err))
		}
		msg += fmt.Sprintf(" — %s dans %s", fr.Count(len(files[0].Owners), "avis", "avis"), a.pdf)
	}
	fmt.Fprintln(out, msg+".")
	return nil
}
