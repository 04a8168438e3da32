package ledger

import (
	"database/sql"
	"sort"
	"time"
)

// checkOneOffAccount holds the account a call credits to its kind: an
// advance credits 103x, a direct call one of IsOneOffCallAccount's
// accounts but an advance (that is an advance call), and the other kinds
// never credit an advance, whose balance per owner is read from the
// advance calls alone (AdvanceBalances).
func checkOneOffAccount(kind CallKind, account, where string) error {
	switch kind {
	case AdvanceCall:
		if !IsAdvance(account) {
			return Errorf(Invalid, "%s : un appel d'avance crédite un compte 103 (avances), pas le compte %s", where, account)
		}
	case DirectCall:
		if !IsOneOffCallAccount(account) || IsAdvance(account) {
			return Errorf(Invalid, "%s : un appel ponctuel crédite le compte 701 (provisions sur opérations courantes), 702000, 704000 ou 102000, pas le compte %s", where, account)
		}
	default:
		if IsAdvance(account) {
			return Errorf(Invalid, "%s : seul un appel d'avance crédite le compte %s", where, account)
		}
	}
	return nil
}

// NextOneOffNumber is the rank of a new one-off or advance call in its
// exercise: one more than every call of that kind ever made there,
// cancelled ones included, so that the calls_once index (one live call per
// rank) never meets two of them.
func (tx *Tx) NextOneOffNumber(kind CallKind, exerciseID int64) (int, error) {
	var n int
	err := tx.queryRow(`SELECT coalesce(max(number), 0) FROM calls WHERE kind = ? AND exercise_id = ?`, string(kind), exerciseID).Scan(&n)
	if err != nil {
		return 0, sqlError(err, "numérotation des appels ponctuels")
	}
	return n + 1, nil
}

// OneOffCall stamps a one-off or advance call's series fields: its own
// period (the due date alone) and its rank in the exercise, counted as a
// series of one.
func (tx *Tx) OneOffCall(c *Call) error {
	ex, err := tx.ExerciseAt(c.Due)
	if err != nil {
		return Errorf(Invalid, "Appel du %s : la date n'appartient à aucun exercice de la résidence", FrenchDate(c.Due))
	}
	n, err := tx.NextOneOffNumber(c.Kind, ex.ID)
	if err != nil {
		return err
	}
	c.ExerciseID, c.Number, c.Count = ex.ID, n, n
	c.PeriodStart, c.PeriodEnd = c.Due, c.Due
	return nil
}

// AdvanceOrigin marks the entry that pays an owner's advance back.
const AdvanceOrigin = "advance-repay:"

// AdvanceBalance is what one owner advanced on one advance account (103x)
// through the advance calls not cancelled, and what was paid back to him.
type AdvanceBalance struct {
	Owner   string
	Account string
	Called  Amount
	Repaid  Amount
}

// Balance is what the syndicat still owes the owner on that account.
func (b AdvanceBalance) Balance() Amount { return b.Called - b.Repaid }

// AdvanceBalances lists the owners' advances by owner then account, up to
// day at (every day when zero), for one owner when owner is not "". An
// advance is the owner's money held by the syndicat: it follows him, not
// his lots, until it is paid back (on a sale, or as the AG decides).
func (tx *Tx) AdvanceBalances(owner string, at time.Time) ([]AdvanceBalance, error) {
	day := "9999-12-31"
	if !at.IsZero() {
		day = ISO(at)
	}
	type row struct {
		owner, account string
		amount         Amount
	}
	scan := func(r *sql.Rows) (row, error) {
		var x row
		err := r.Scan(&x.owner, &x.account, &x.amount)
		return x, err
	}
	called, err := collect(tx, "lecture des avances", `SELECT p.owner, c.account, sum(p.amount) FROM call_parts p
		JOIN calls c ON c.id = p.call_id
		WHERE c.kind = 'advance' AND c.cancel_entry_id IS NULL AND c.due_date <= ? AND (? = '' OR p.owner = ?)
		GROUP BY p.owner, c.account`, []any{day, owner, owner}, scan)
	if err != nil {
		return nil, err
	}
	// A repayment's entry has one owner line and one advance line. Read
	// from the advance lines (few): starting from the owners' lines read
	// every call and receipt of the books, 22 ms on each owner card of a
	// 200,000-line residence.
	repaid, err := collect(tx, "lecture des remboursements d'avances", `SELECT o.account, a.account, sum(a.debit - a.credit)
		FROM lines a CROSS JOIN entries e CROSS JOIN lines o
		ON e.id = a.entry_id AND o.entry_id = e.id AND o.account GLOB '450*'
		WHERE a.account GLOB '103*' AND e.origin GLOB ? AND e.posted = 1 AND e.date <= ? AND (? = '' OR o.account = ?)
		GROUP BY o.account, a.account`, []any{globEscape(AdvanceOrigin) + "*", day, owner, owner}, scan)
	if err != nil {
		return nil, err
	}
	byKey := map[[2]string]*AdvanceBalance{}
	var out []AdvanceBalance
	get := func(o, a string) *AdvanceBalance {
		k := [2]string{o, a}
		if byKey[k] == nil {
			byKey[k] = &AdvanceBalance{Owner: o, Account: a}
		}
		return byKey[k]
	}
	for _, x := range called {
		get(x.owner, x.account).Called += x.amount
	}
	for _, x := range repaid {
		get(x.owner, x.account).Repaid += x.amount
	}
	for _, k := range sortedPairKeys(byKey) {
		out = append(out, *byKey[k])
	}
	return out, nil
}

func sortedPairKeys(m map[[2]string]*AdvanceBalance) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	return keys
}

// RepayAdvance pays back amount of an owner's advance on account (103x) on
// day d: debit 103x, credit his 450 (journal OD), which he is then owed or
// which settles what he owes. amount zero repays his whole balance there;
// more than his balance is refused: an advance is paid back to whoever
// made it, and no further.
func (tx *Tx) RepayAdvance(owner, account string, d time.Time, amount Amount) (Entry, error) {
	o, err := tx.Owner(owner)
	if err != nil {
		return Entry{}, err
	}
	if !IsAdvance(account) {
		return Entry{}, Errorf(Invalid, "Remboursement d'avance : le compte %s n'est pas un compte d'avances (103)", account)
	}
	if d.IsZero() {
		return Entry{}, Errorf(Invalid, "Remboursement d'avance : la date est obligatoire")
	}
	list, err := tx.AdvanceBalances(owner, d)
	if err != nil {
		return Entry{}, err
	}
	var held Amount
	for _, b := range list {
		if b.Account == account {
			held = b.Balance()
		}
	}
	switch {
	case amount < 0:
		return Entry{}, Errorf(Invalid, "Remboursement d'avance : le montant doit être positif")
	case held <= 0:
		return Entry{}, Errorf(Invalid, "%s n'a aucune avance sur le compte %s au %s : rien à rembourser", o.DisplayName(), account, FrenchDate(d))
	case amount == 0:
		amount = held
	case amount > held:
		return Entry{}, Errorf(Invalid, "Le remboursement de %s dépasse l'avance de %s sur le compte %s (%s au %s)", amount, o.DisplayName(), account, held, FrenchDate(d))
	}
	piece, err := tx.NextPieceOn(JournalMisc, d)
	if err != nil {
		return Entry{}, err
	}
	label := "Remboursement de l'avance – " + o.DisplayName()
	e := Entry{Journal: JournalMisc, Date: d, Piece: piece, Label: label, Origin: AdvanceOrigin + owner,
		Lines: []Line{{Account: account, Label: label, Debit: amount}, {Account: owner, Label: label, Credit: amount}}}
	if err := tx.PostEntry(&e); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// checkAdvanceCancel refuses to cancel an advance call once part of it was
// paid back: the reversal would take back from an owner what he was
// already repaid, and he would owe it twice.
func (tx *Tx) checkAdvanceCancel(c Call) error {
	parts, err := tx.CallParts(c.ID)
	if err != nil {
		return err
	}
	held, err := tx.AdvanceBalances("", time.Time{})
	if err != nil {
		return err
	}
	left := map[string]Amount{}
	for _, b := range held {
		if b.Account == c.Account {
			left[b.Owner] = b.Balance()
		}
	}
	for _, p := range parts[c.ID] {
		if left[p.Owner] < p.Amount {
			return Errorf(Conflict, "%s : l'avance a déjà été remboursée en partie à %s (il lui reste %s sur le compte %s, l'appel lui en demandait %s) ; cet appel ne peut plus être annulé",
				c.describe(), p.Owner, left[p.Owner], c.Account, p.Amount)
		}
	}
	return nil
}
