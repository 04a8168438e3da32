package app

import (
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// OwnerOrder is how owner lists are sorted.
type OwnerOrder int

const (
	ByName    OwnerOrder = iota // name, accents and case aside (then account)
	ByAccount                   // 450001, 450002…
)

// ParseOwnerOrder reads "name" / "nom" or "account" / "compte".
func ParseOwnerOrder(s string) (OwnerOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "name", "nom":
		return ByName, nil
	case "account", "compte":
		return ByAccount, nil
	}
	return ByName, ledger.Errorf(ledger.Invalid, "Tri « %s » inconnu : name (nom) ou account (compte)", s)
}

// AttendanceOptions choose the attendance sheet's meeting and layout.
type AttendanceOptions struct {
	Date    time.Time // the meeting's day: the owners of that day sign
	Order   OwnerOrder
	Title   string    // "" for "Feuille de présence"
	Key     string    // the votes' key; "" for 001
	Printed time.Time // zero: today
	// Records are the recorded attendance (owners without one are
	// absent); none prints the blank sheet signed in the room.
	Records []AttendanceRecord
}

// DefaultAttendanceTitle is the sheet's title when the user gives none.
const DefaultAttendanceTitle = "Feuille de présence"

// AttendanceSheet is what the feuille de présence lists.
type AttendanceSheet struct {
	Date   time.Time
	Title  string
	Key    ledger.KeyTotal
	Owners []AttendanceOwner
	Votes  decimal.Decimal // sum of the owners' votes
	// Roll is the recorded attendance checked by the rules (nil without
	// records), in the Owners' order.
	Roll *ledger.Roll
}

// AttendanceOwner is an owner on the meeting's day: his lots with their
// shares on the key, and his votes (their sum).
type AttendanceOwner struct {
	Owner ledger.Owner
	Lots  []ledger.Share // in lot order; Shares zero for a lot without shares on the key
	Votes decimal.Decimal
	// Member is his checked attendance when it is recorded.
	Member *ledger.Member
}

// Attendance lists the owners of the meeting's day: whoever owns a lot
// that day (DOMAIN §9: a sale moves the lots at its date), with the shares
// of his lots on the general key.
func (r *Residence) Attendance(opt AttendanceOptions) (AttendanceSheet, error) {
	var s AttendanceSheet
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		s, err = attendance(tx, opt)
		return err
	})
	return s, err
}

func attendance(tx *ledger.Tx, opt AttendanceOptions) (AttendanceSheet, error) {
	if opt.Date.IsZero() {
		return AttendanceSheet{}, ledger.Errorf(ledger.Invalid, "Indiquez la date de l'assemblée générale")
	}
	key := opt.Key
	if key == "" { // the votes are the general key's shares, as chosen in Paramètres
		var err error
		if key, err = tx.GeneralKeyCode(); err != nil {
			return AttendanceSheet{}, err
		}
	}
	s := AttendanceSheet{Date: opt.Date, Title: strings.TrimSpace(opt.Title)}
	if s.Title == "" {
		s.Title = DefaultAttendanceTitle
	}
	keys, err := tx.KeyTotals()
	if err != nil {
		return s, err
	}
	found := false
	for _, k := range keys {
		if k.Code == key {
			s.Key, found = k, true
		}
	}
	if !found {
		return s, ledger.Errorf(ledger.NotFound, "La clé %s, dont les tantièmes font les voix de l'assemblée, n'existe pas", key)
	}
	held, err := ownedLots(tx, opt.Date)
	if err != nil {
		return s, err
	}
	if len(held) == 0 {
		return s, ledger.Errorf(ledger.NotFound, "Aucun copropriétaire ne possède de lot au %s", ledger.FrenchDate(opt.Date))
	}
	shares, err := tx.SharesOfKey(key)
	if err != nil {
		return s, err
	}
	onKey := map[string]decimal.Decimal{}
	for _, sh := range shares {
		onKey[sh.Lot] = sh.Shares
	}
	for _, h := range held {
		a := AttendanceOwner{Owner: h.owner}
		for _, lot := range h.lots {
			a.Lots = append(a.Lots, ledger.Share{Lot: lot, Key: key, Shares: onKey[lot]})
			a.Votes = a.Votes.Add(onKey[lot])
		}
		s.Votes = s.Votes.Add(a.Votes)
		s.Owners = append(s.Owners, a)
	}
	sortOwners(s.Owners, opt.Order, func(a AttendanceOwner) ledger.Owner { return a.Owner })
	if len(opt.Records) > 0 {
		if err := recordAttendance(&s, opt.Records); err != nil {
			return s, err
		}
	}
	return s, nil
}

// holder is an owner and the lots he owns on a day.
type holder struct {
	owner ledger.Owner
	lots  []string
}

// ownedLots lists the owners holding at least one lot on day d, by account,
// with their lots in lot order.
func ownedLots(tx *ledger.Tx, d time.Time) ([]holder, error) {
	lotOwner, err := tx.OwnersAt(d)
	if err != nil {
		return nil, err
	}
	lots, err := tx.Lots()
	if err != nil {
		return nil, err
	}
	owners, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	out := make([]holder, len(owners))
	for i, o := range owners {
		out[i].owner = o
		index[o.Account] = i
	}
	for _, l := range lots {
		if acc, ok := lotOwner[l.Number]; ok {
			if i, ok := index[acc]; ok {
				out[i].lots = append(out[i].lots, l.Number)
			}
		}
	}
	kept := out[:0]
	for _, h := range out {
		if len(h.lots) > 0 {
			kept = append(kept, h)
		}
	}
	return kept, nil
}

// sortOwners sorts a list by the owners' names (accents and case aside,
// then account) or by account.
func sortOwners[T any](list []T, order OwnerOrder, owner func(T) ledger.Owner) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := owner(list[i]), owner(list[j])
		if order == ByName {
			if na, nb := fr.Fold(a.Name), fr.Fold(b.Name); na != nb {
				return na < nb
			}
		}
		return a.Account < b.Account
	})
}

// AttendancePDF prints the feuille de présence.
func (r *Residence) AttendancePDF(opt AttendanceOptions) ([]byte, error) {
	s, err := r.Attendance(opt)
	if err != nil {
		return nil, err
	}
	res, err := r.residenceName()
	if err != nil {
		return nil, err
	}
	printed := opt.Printed
	if printed.IsZero() {
		printed = ledger.Now()
	}
	a := reports.Attendance{Residence: res, Title: s.Title, Meeting: "Assemblée générale du " + ledger.FrenchDate(s.Date),
		KeyLabel: "Voix : tantièmes de la clé " + s.Key.Code + " – " + s.Key.Label, KeyTotal: s.Key.SumOfShares, Printed: printed}
	for _, o := range s.Owners {
		ao := reports.AttendanceOwner{Account: o.Owner.Account, Name: o.Owner.DisplayName(), SignName: o.Owner.Name, Address: postalLines(o.Owner), Votes: o.Votes}
		for _, l := range o.Lots {
			ao.Lots = append(ao.Lots, reports.AttendanceLot{Number: l.Lot, Shares: l.Shares})
		}
		a.Owners = append(a.Owners, ao)
	}
	attendanceRecords(s, &a)
	pdf, err := reports.AttendancePDF(a)
	return pdfResult(pdf, err, "la feuille de présence")
}

// LabelOptions choose the address labels.
type LabelOptions struct {
	Date    time.Time // the owners of that day; zero: today
	Columns int       // 2 or 3 labels across the sheet (7 rows)
	Order   OwnerOrder
	// Elsewhere keeps only the owners who do not live in the residence
	// (whose mail does not go to the residence's own address).
	Elsewhere bool
}

// LabelsPDF prints one address label per owner holding a lot on the day,
// and says how many.
func (r *Residence) LabelsPDF(opt LabelOptions) ([]byte, int, error) {
	if opt.Columns != 2 && opt.Columns != 3 {
		return nil, 0, ledger.Errorf(ledger.Invalid, "Les planches d'étiquettes ont 2 ou 3 colonnes (pas %d)", opt.Columns)
	}
	date := dayOrToday(opt.Date)
	var labels []reports.Label
	err := r.View(func(tx *ledger.Tx) error {
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		held, err := ownedLots(tx, date)
		if err != nil {
			return err
		}
		sortOwners(held, opt.Order, func(h holder) ledger.Owner { return h.owner })
		for _, h := range held {
			if opt.Elsewhere && livesInResidence(h.owner, res) {
				continue
			}
			labels = append(labels, reports.Label{Name: h.owner.DisplayName(), Lines: postalLines(h.owner)})
		}
		if len(labels) == 0 {
			if opt.Elsewhere {
				return ledger.Errorf(ledger.NotFound, "Aucun copropriétaire n'habite hors de la résidence au %s", ledger.FrenchDate(date))
			}
			return ledger.Errorf(ledger.NotFound, "Aucun copropriétaire ne possède de lot au %s", ledger.FrenchDate(date))
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	pdf, err := reports.LabelsPDF(reports.LabelSheet{Columns: opt.Columns, Labels: labels, Title: "Étiquettes des copropriétaires"})
	pdf, err = pdfResult(pdf, err, "les étiquettes")
	return pdf, len(labels), err
}

// livesInResidence says whether an owner's mail goes to the residence: the
// same postcode and a street address that starts like the residence's
// ("14 rue des Tilleuls, bât. A" for "14 rue des Tilleuls"). An owner
// without an address is counted as living there: his mail goes to his lot.
func livesInResidence(o ledger.Owner, res ledger.Residence) bool {
	addr := fr.Fold(strings.ReplaceAll(o.Address, "\n", " "))
	if addr == "" {
		return true
	}
	home := fr.Fold(res.Address)
	return home != "" && strings.TrimSpace(o.Zip) == strings.TrimSpace(res.Zip) && strings.HasPrefix(addr, home)
}

func dayOrToday(d time.Time) time.Time {
	if d.IsZero() {
		now := ledger.Now()
		return ledger.Date(now.Year(), now.Month(), now.Day())
	}
	return d
}

// CouncilMembers lists the owners marked as members of the conseil
// syndical who hold a lot on day d (a member who sold has left it), with
// their lots.
func (r *Residence) CouncilMembers(d time.Time, order OwnerOrder) ([]OwnerSummary, error) {
	d = dayOrToday(d)
	var out []OwnerSummary
	err := r.View(func(tx *ledger.Tx) error {
		held, err := ownedLots(tx, d)
		if err != nil {
			return err
		}
		sortOwners(held, order, func(h holder) ledger.Owner { return h.owner })
		for _, h := range held {
			if h.owner.Council {
				out = append(out, OwnerSummary{Owner: h.owner, Lots: h.lots})
			}
		}
		return nil
	})
	return out, err
}

// CouncilPDF prints the list of the council's members on day d.
func (r *Residence) CouncilPDF(d time.Time, order OwnerOrder, printed time.Time) ([]byte, int, error) {
	d = dayOrToday(d)
	members, err := r.CouncilMembers(d, order)
	if err != nil {
		return nil, 0, err
	}
	res, err := r.residenceName()
	if err != nil {
		return nil, 0, err
	}
	if printed.IsZero() {
		printed = ledger.Now()
	}
	c := reports.CouncilList{Residence: res, Date: "au " + ledger.FrenchDate(d), Printed: printed}
	for _, m := range members {
		var phones []string
		for _, p := range []string{m.Phone, m.Mobile} {
			if p = strings.TrimSpace(p); p != "" {
				phones = append(phones, p)
			}
		}
		c.Members = append(c.Members, reports.CouncilMember{Account: m.Account, Name: m.DisplayName(), Address: postalLines(m.Owner),
			Phones: strings.Join(phones, " – "), Email: m.Email, Lots: strings.Join(m.Lots, ", ")})
	}
	pdf, err := reports.CouncilPDF(c)
	pdf, err = pdfResult(pdf, err, "la liste du conseil syndical")
	return pdf, len(members), err
}
