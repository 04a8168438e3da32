package importing

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// ownersImport reads one row per lot: rows with the same account (or,
// without a valid account, the same name) are one owner. Each owner gets
// his account as written when it is 450 followed by 3 digits, else the next
// free one; his lots are created with him as owner since the start of the
// books, with their shares on the general key, whose declared total is
// brought up to the new sum of its shares.
type ownersImport struct{}

func (ownersImport) identity() []string { return []string{fAccount, fName, fLot} }

type ownerGroup struct {
	owner    ledger.Owner
	row      int // first row
	idxs     []int
	auto     bool   // account given by sequence
	given    string // invalid account as written
	givenRow int
	from     map[string]int // owner-level field → row it was read from
	lots     []ledger.Lot
	shares   []decimal.Decimal
	ibans    []string // the accounts he pays from (normalised, checked)
}

type ownersData struct {
	groups   []*ownerGroup
	keyTotal decimal.Decimal
	keyOld   ledger.Key
	setTotal bool
}

var ownerTextFields = []string{fCivility, fAddress, fZip, fCity, fEmail, fPhone}

func (o *ownerGroup) field(name string) *string {
	switch name {
	case fCivility:
		return &o.owner.Civility
	case fAddress:
		return &o.owner.Address
	case fZip:
		return &o.owner.Zip
	case fCity:
		return &o.owner.City
	case fEmail:
		return &o.owner.Email
	case fPhone:
		return &o.owner.Phone
	}
	return new(string)
}

func (ownersImport) plan(tx *ledger.Tx, p *Plan) error {
	owners, err := tx.Owners()
	if err != nil {
		return err
	}
	existingOwner := map[string]string{}
	existingName := map[string]string{}
	for _, o := range owners {
		existingOwner[o.Account] = o.Name
		existingName[fr.Fold(o.Name)] = o.Account
	}
	lots, err := tx.Lots()
	if err != nil {
		return err
	}
	existingLot := map[string]bool{}
	for _, l := range lots {
		existingLot[l.Number] = true
	}
	accounts, err := tx.Accounts()
	if err != nil {
		return err
	}
	used := map[int]bool{}
	for _, a := range accounts {
		if n, ok := ownerNumber(a.Code); ok {
			used[n] = true
		}
	}

	d := &ownersData{}
	byAccount := map[string]*ownerGroup{}
	byName := map[string]*ownerGroup{}
	lotRow := map[string]int{}
	lotByNumber := map[uint64]string{}
	var prev *ownerGroup
	p.walk(func(rc *rowCtx) {
		raw := rc.code(fAccount)
		acc := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(raw)
		if _, ok := ownerNumber(acc); !ok {
			acc = ""
		}
		name := rc.text(fName)
		lot := rc.code(fLot)
		var g *ownerGroup
		switch {
		case acc != "":
			g = byAccount[acc]
		case name != "":
			g = byName[fr.Fold(name)]
		case lot != "" && prev != nil:
			g = prev
			rc.warn(fName, "ni compte ni nom : le lot %s est rattaché au copropriétaire de la ligne précédente (%s)", lot, prev.owner.Name)
		default:
			rc.fail(fName, "le nom du copropriétaire est obligatoire")
			return
		}
		if g == nil {
			if name == "" {
				rc.fail(fName, "le nom du copropriétaire est obligatoire")
				return
			}
			g = &ownerGroup{owner: ledger.Owner{Account: acc, Name: name}, row: rc.row, from: map[string]int{}}
			if acc == "" {
				g.auto = true
				if raw != "" {
					g.given, g.givenRow = raw, rc.row
				}
				if other, ok := existingName[fr.Fold(name)]; ok {
					rc.warn(fName, "un copropriétaire « %s » existe déjà (%s) : un nouveau copropriétaire est créé", name, other)
				}
			} else {
				if n, ok := existingOwner[acc]; ok {
					// The file may number its owners its own way (another
					// syndic's numbers): then the column is better left unread.
					rc.fail(fAccount, "le compte %s est déjà celui du copropriétaire « %s » de la résidence ; si le fichier numérote ses copropriétaires autrement, choisissez « %s » pour « %s » à l'étape Colonnes : les nouveaux recevront les comptes libres suivants",
						acc, n, NoColumn, p.label(fAccount))
				}
				byAccount[acc] = g
			}
			if _, ok := byName[fr.Fold(name)]; !ok {
				byName[fr.Fold(name)] = g
			}
			d.groups = append(d.groups, g)
		} else if name != "" && fr.Fold(name) != fr.Fold(g.owner.Name) {
			if acc != "" {
				rc.fail(fName, "le compte %s est déjà celui de « %s » (ligne %d)", acc, g.owner.Name, g.row)
				return
			}
		}
		for _, f := range ownerTextFields {
			v := rc.text(f)
			if v == "" {
				continue
			}
			cur := g.field(f)
			switch {
			case *cur == "":
				*cur, g.from[f] = v, rc.row
			case *cur != v:
				rc.warn(f, "« %s » diffère de la ligne %d (« %s ») : celle-ci est gardée", v, g.from[f], *cur)
			}
			if f == fEmail && !strings.Contains(v, "@") {
				rc.warn(f, "« %s » ne ressemble pas à une adresse e-mail", v)
			}
		}
		if v := rc.text(fIBAN); v != "" {
			iban := ledger.NormalizeIBAN(v)
			switch {
			case !ledger.ValidIBAN(iban):
				rc.fail(fIBAN, "« %s » n'est pas un IBAN valide (vérifiez-le sur le RIB : la clé ne correspond pas)", v)
			case !slices.Contains(g.ibans, iban):
				g.ibans = append(g.ibans, iban)
			}
		}
		label := rc.text(fLotLabel)
		shares, empty, okS := rc.decimal(fShares)
		g.idxs = append(g.idxs, rc.idx)
		prev = g
		switch {
		case lot == "":
			if label != "" || okS && !empty {
				rc.fail(fLot, "le numéro de lot est obligatoire sur une ligne qui décrit un lot")
			}
			return
		case utf8.RuneCountInString(lot) > 5:
			rc.fail(fLot, "« %s » : un numéro de lot a au plus 5 caractères", lot)
			return
		case lotRow[lot] != 0:
			rc.fail(fLot, "le lot %s figure déjà ligne %d", lot, lotRow[lot])
			return
		case existingLot[lot]:
			rc.fail(fLot, "le lot %s existe déjà dans la résidence", lot)
			return
		}
		lotRow[lot] = rc.row
		if n, ok := codeNumber(lot); ok {
			if twin, dup := lotByNumber[n]; dup {
				rc.warn(fLot, "les lots « %s » et « %s » (ligne %d) sont deux lots différents : vérifiez qu'il ne s'agit pas du même", lot, twin, lotRow[twin])
			} else {
				lotByNumber[n] = lot
			}
		}
		if okS && shares.IsNegative() {
			rc.fail(fShares, "les tantièmes ne peuvent pas être négatifs")
			return
		}
		g.lots = append(g.lots, ledger.Lot{Number: lot, Label: label})
		g.shares = append(g.shares, shares)
	})

	// Accounts by sequence, after the highest in use in the chart or the file.
	for acc := range byAccount {
		n, _ := ownerNumber(acc)
		used[n] = true
	}
	next := 1
	for n := range used {
		next = max(next, n+1)
	}
	var autos []string
	for _, g := range d.groups {
		if g.auto {
			if next > 999 {
				p.add(&Problem{Row: g.row, Msg: "plus aucun compte de copropriétaire libre (450001 à 450999) pour " + g.owner.Name})
				continue
			}
			g.owner.Account = fmt.Sprintf("450%03d", next)
			next++
			autos = append(autos, g.owner.Account)
			if g.given != "" {
				c := p.Mapping[fAccount]
				p.add(&Problem{Row: g.givenRow, Col: c, Field: p.label(fAccount), Warning: true,
					Msg: fmt.Sprintf("« %s » n'est pas un compte de copropriétaire (450 suivi de 3 chiffres) : le compte %s lui est attribué", g.given, g.owner.Account)})
			}
		}
		for _, i := range g.idxs {
			p.setRow(i, fAccount, g.owner.Account)
			p.setRow(i, fName, g.owner.Name)
		}
	}
	if len(autos) > 0 {
		p.note("Comptes attribués dans l'ordre du fichier : %s", accountRange(autos))
	}

	// Shares on the general key, and its declared total.
	newShares := decimal.Zero
	for _, g := range d.groups {
		p.Report.Owners++
		p.Report.Lots += len(g.lots)
		for _, s := range g.shares {
			if s.IsPositive() {
				p.Report.Shares++
				newShares = newShares.Add(s)
			}
		}
	}
	if p.Report.Shares > 0 {
		keys, err := tx.KeyTotals()
		if err != nil {
			return err
		}
		found := false
		for _, k := range keys {
			if k.General { // the shares column is the general key's, as chosen in Paramètres
				found = true
				d.keyOld = k.Key
				d.keyTotal = k.SumOfShares.Add(newShares)
				d.setTotal = !k.DeclaredTotal.Equal(d.keyTotal)
			}
		}
		if !found {
			p.failSheet("la clé générale n'existe pas : créez-la avant d'importer des tantièmes")
		} else if d.setTotal {
			p.Report.KeysUpdated = 1
			p.note("Clé %s « %s » : total déclaré %s → %s (somme des tantièmes des lots)", d.keyOld.Code, d.keyOld.Label, d.keyOld.DeclaredTotal, d.keyTotal)
		}
	}
	if len(d.groups) == 0 && !p.Blocking() {
		p.failSheet("aucun copropriétaire à importer")
	}
	p.data = d
	return nil
}

// ownerNumber reads an owner account 450001…450999 as its number.
func ownerNumber(acc string) (int, bool) {
	return ledger.OwnerNumber(acc)
}

// accountRange writes a sorted list of accounts briefly: "450013 à 450020".
func accountRange(list []string) string {
	if len(list) == 1 {
		return list[0]
	}
	return list[0] + " à " + list[len(list)-1]
}

func (ownersImport) apply(tx *ledger.Tx, p *Plan) error {
	d := p.data.(*ownersData)
	for _, g := range d.groups {
		o := g.owner
		if err := tx.AddOwner(&o); err != nil {
			return err
		}
		for _, iban := range g.ibans {
			if err := tx.AddOwnerIBAN(o.Account, iban, ledger.Today()); err != nil {
				return err
			}
		}
		for i, l := range g.lots {
			l.Owner = o.Account
			if err := tx.AddLot(l); err != nil {
				return err
			}
			if g.shares[i].IsPositive() {
				if err := tx.SetShare(l.Number, d.keyOld.Code, g.shares[i]); err != nil {
					return err
				}
			}
		}
	}
	if d.setTotal {
		k := d.keyOld
		k.DeclaredTotal = d.keyTotal
		return tx.UpdateKey(k)
	}
	return nil
}
