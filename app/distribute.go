package app

import (
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// Distribution is an amount split over the owners of a key at a date, the
// manual's « Recherche et répartition » (seed 002): per owner, not per lot,
// to the cent by the ledger's largest remainder (DOMAIN §4), as every call
// and the closing split.
type Distribution struct {
	Key         ledger.Key
	Amount      ledger.Amount
	At          time.Time
	TotalShares decimal.Decimal
	Rows        []DistributionRow // by account
	digest      string
}

// DistributionRow is one owner's part.
type DistributionRow struct {
	Account string
	Name    string
	Lots    []string // his lots with shares on the key
	Shares  decimal.Decimal
	Part    ledger.Amount
}

// Total is the sum of the parts: the amount, to the cent.
func (d Distribution) Total() ledger.Amount {
	var t ledger.Amount
	for _, r := range d.Rows {
		t += r.Part
	}
	return t
}

// Distribute splits amount over the owners of key at day at. Nothing is
// written.
func (r *Residence) Distribute(key string, amount ledger.Amount, at time.Time) (Distribution, error) {
	var d Distribution
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		d, err = distribute(tx, strings.TrimSpace(key), amount, at)
		return err
	})
	return d, err
}

func distribute(tx *ledger.Tx, key string, amount ledger.Amount, at time.Time) (Distribution, error) {
	d := Distribution{Amount: amount, At: at}
	if at.IsZero() {
		return d, ledger.Errorf(ledger.Invalid, "Répartition : la date est obligatoire")
	}
	keys, err := tx.Keys()
	if err != nil {
		return d, err
	}
	for _, k := range keys {
		if k.Code == key {
			d.Key = k
		}
	}
	if d.Key.Code == "" {
		return d, ledger.Errorf(ledger.NotFound, "Répartition : la clé « %s » n'existe pas", key)
	}
	shares, err := tx.SharesOfKey(key)
	if err != nil {
		return d, err
	}
	lotOwner, err := tx.OwnersAt(at)
	if err != nil {
		return d, err
	}
	owners, err := tx.Owners()
	if err != nil {
		return d, err
	}
	names := map[string]string{}
	for _, o := range owners {
		names[o.Account] = o.DisplayName()
	}
	rows := map[string]*DistributionRow{}
	for _, s := range shares { // in lot order
		if !s.Shares.IsPositive() {
			continue
		}
		d.TotalShares = d.TotalShares.Add(s.Shares)
		o, ok := lotOwner[s.Lot]
		if !ok {
			return d, ledger.Errorf(ledger.Invalid, "Répartition : le lot %s n'a pas de propriétaire au %s ; indiquez-le sur la fiche du lot", s.Lot, ledger.FrenchDate(at))
		}
		row := rows[o]
		if row == nil {
			row = &DistributionRow{Account: o, Name: names[o]}
			rows[o] = row
		}
		row.Lots = append(row.Lots, s.Lot)
		row.Shares = row.Shares.Add(s.Shares)
	}
	if d.TotalShares.IsZero() {
		return d, ledger.Errorf(ledger.Invalid, "Répartition : la clé %s « %s » n'a aucun tantième", d.Key.Code, d.Key.Label)
	}
	for _, row := range rows {
		d.Rows = append(d.Rows, *row)
	}
	sort.Slice(d.Rows, func(i, j int) bool { return d.Rows[i].Account < d.Rows[j].Account })
	weights := make([]ledger.Weight, len(d.Rows))
	for i, row := range d.Rows {
		weights[i] = ledger.Weight{Code: row.Account, Weight: row.Shares}
	}
	parts, err := ledger.Allocate(amount, weights)
	if err != nil {
		return d, err
	}
	h := NewPlanDigest()
	h.Add("%s|%d|%s", key, int64(amount), ledger.ISO(at))
	for i := range d.Rows {
		d.Rows[i].Part = parts[i]
		h.Add("%s|%s|%d", d.Rows[i].Account, d.Rows[i].Shares, int64(parts[i]))
	}
	d.digest = h.Sum()
	return d, nil
}

// DistributionOrigin marks the entry that charges a distribution to the
// owners.
const DistributionOrigin = "distribution:"

// DistributionAccounts are the accounts a distribution may be posted
// against: every account of the chart but the owners' own (the other side
// of the entry) and the banks (money does not move: the owners are charged).
func (r *Residence) DistributionAccounts() ([]ledger.Account, error) {
	all, err := r.Accounts()
	if err != nil {
		return nil, err
	}
	var out []ledger.Account
	for _, a := range all {
		if !ledger.IsOwnerAccount(a.Code) && !ledger.HoldsMoney(a.Code) {
			out = append(out, a)
		}
	}
	return out, nil
}

// PostDistribution charges a distribution to the owners in one entry of
// the OD journal at its date: each owner's 450 debited with his part,
// account credited with the total (with the key when it is a charge or
// income account, so the closing distributes it on the same key). The
// split is computed again in the transaction: if the shares or the owners
// changed since the preview, nothing is written.
func (r *Residence) PostDistribution(d Distribution, account, label string) (ledger.Entry, error) {
	account, label = strings.TrimSpace(account), strings.TrimSpace(label)
	var e ledger.Entry
	err := r.Update(func(tx *ledger.Tx) error {
		switch {
		case d.Amount <= 0:
			return ledger.Errorf(ledger.Invalid, "Répartition : seul un montant positif peut être imputé aux copropriétaires")
		case label == "":
			return ledger.Errorf(ledger.Invalid, "Répartition : le libellé de l'écriture est obligatoire")
		case ledger.IsOwnerAccount(account) || ledger.HoldsMoney(account):
			return ledger.Errorf(ledger.Invalid, "Répartition : le compte %s ne peut pas être la contrepartie (choisissez un compte de charges, de produits ou de tiers)", account)
		}
		if _, err := tx.Account(account); err != nil {
			return ledger.Errorf(ledger.NotFound, "Répartition : le compte %s n'existe pas dans le plan comptable de la résidence", account)
		}
		fresh, err := distribute(tx, d.Key.Code, d.Amount, d.At)
		if err != nil {
			return err
		}
		if err := CheckFresh(d.digest, fresh.digest, "Les tantièmes ou les propriétaires ont changé depuis le calcul : refaites la répartition avant de la comptabiliser"); err != nil {
			return err
		}
		piece, err := tx.NextPieceOn(ledger.JournalMisc, fresh.At)
		if err != nil {
			return err
		}
		e = ledger.Entry{Journal: ledger.JournalMisc, Date: fresh.At, Piece: piece, Label: label, Origin: DistributionOrigin + fresh.Key.Code}
		for _, row := range fresh.Rows {
			if row.Part != 0 {
				e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: row.Account, Label: label}, row.Part))
			}
		}
		credit := ledger.Line{Account: account, Label: "Clé " + fresh.Key.Code + " " + fresh.Key.Label}
		if c := ledger.AccountClass(account); c == 6 || c == 7 {
			credit.Key = fresh.Key.Code
		}
		e.Lines = append(e.Lines, ledger.Side(credit, -fresh.Total()))
		return tx.PostEntry(&e)
	})
	return e, err
}
