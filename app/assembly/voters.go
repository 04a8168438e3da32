package assembly

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// Voter is an owner on the assembly's day: his lots and his tantièmes on
// every key (the general key's are his votes, loi 1965 art. 22).
type Voter struct {
	Owner ledger.Owner
	Lots  []ledger.Lot
	// Shares are his tantièmes by key code, the sum over his lots.
	Shares map[string]decimal.Decimal
}

// Electorate is who votes at an assembly and on which keys.
type Electorate struct {
	GeneralKey string
	Keys       map[string]ledger.KeyTotal // by code
	Voters     []Voter                    // by name
}

// KeyOf is the key a resolution is voted on: its own, or the general key.
func (e Electorate) KeyOf(res ledger.Resolution) string {
	if res.Key != "" {
		return res.Key
	}
	return e.GeneralKey
}

// Voter finds an owner by account.
func (e Electorate) Voter(account string) (Voter, bool) {
	for _, v := range e.Voters {
		if v.Owner.Account == account {
			return v, true
		}
	}
	return Voter{}, false
}

// Voters reads the electorate of an assembly held on day: whoever owns a
// lot that day (a sale moves the lots at its date), by name.
func Voters(r *app.Residence, day time.Time) (Electorate, error) {
	var e Electorate
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		e, err = electorate(tx, day)
		return err
	})
	return e, err
}

func electorate(tx *ledger.Tx, day time.Time) (Electorate, error) {
	e := Electorate{Keys: map[string]ledger.KeyTotal{}}
	var err error
	if e.GeneralKey, err = tx.GeneralKeyCode(); err != nil {
		return e, err
	}
	totals, err := tx.KeyTotals()
	if err != nil {
		return e, err
	}
	for _, k := range totals {
		e.Keys[k.Code] = k
	}
	lotOwner, err := tx.OwnersAt(day)
	if err != nil {
		return e, err
	}
	lots, err := tx.Lots()
	if err != nil {
		return e, err
	}
	owners, err := tx.Owners()
	if err != nil {
		return e, err
	}
	index := map[string]int{}
	for _, o := range owners {
		index[o.Account] = -1
	}
	lotOf := map[string]string{}
	for _, l := range lots {
		acc, ok := lotOwner[l.Number]
		if !ok {
			continue
		}
		i, known := index[acc]
		if !known {
			continue
		}
		if i < 0 {
			for _, o := range owners {
				if o.Account == acc {
					e.Voters = append(e.Voters, Voter{Owner: o, Shares: map[string]decimal.Decimal{}})
				}
			}
			i = len(e.Voters) - 1
			index[acc] = i
		}
		e.Voters[i].Lots = append(e.Voters[i].Lots, l)
		lotOf[l.Number] = acc
	}
	for code := range e.Keys {
		shares, err := tx.SharesOfKey(code)
		if err != nil {
			return e, err
		}
		for _, s := range shares {
			if acc, ok := lotOf[s.Lot]; ok {
				v := e.Voters[index[acc]]
				v.Shares[code] = v.Shares[code].Add(s.Shares)
			}
		}
	}
	sort.SliceStable(e.Voters, func(i, j int) bool {
		a, b := e.Voters[i].Owner, e.Voters[j].Owner
		if na, nb := fr.Fold(a.Name), fr.Fold(b.Name); na != nb {
			return na < nb
		}
		return a.Account < b.Account
	})
	return e, nil
}

// SetAttendance records how an owner took part. He and an owner
// mandataire must hold a lot on the assembly's day.
func SetAttendance(r *app.Residence, at ledger.Attendance) error {
	return r.Update(func(tx *ledger.Tx) error {
		a, err := tx.Assembly(at.Assembly)
		if err != nil {
			return err
		}
		if a.Status == ledger.AssemblyHeld {
			return ledger.Errorf(ledger.Conflict, "L'assemblée du %s est tenue : sa feuille de présence ne change plus", ledger.FrenchDate(a.Day))
		}
		e, err := electorate(tx, a.Day)
		if err != nil {
			return err
		}
		if _, ok := e.Voter(at.Owner); !ok {
			return ledger.Errorf(ledger.Invalid, "Le compte %s n'est pas celui d'un copropriétaire possédant un lot le %s", at.Owner, ledger.FrenchDate(a.Day))
		}
		if at.ProxyOwner != "" {
			if _, ok := e.Voter(at.ProxyOwner); !ok {
				return ledger.Errorf(ledger.Invalid, "Mandataire : le compte %s n'est pas celui d'un copropriétaire possédant un lot le %s ; "+
					"pour une autre personne, indiquez son nom", at.ProxyOwner, ledger.FrenchDate(a.Day))
			}
		}
		return tx.SetAttendance(at)
	})
}

// ClearAttendance forgets an owner's attendance and votes.
func ClearAttendance(r *app.Residence, assembly int64, owner string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteAttendance(assembly, owner) })
}

// SetVote records an owner's vote; an absent owner, or one not on the
// attendance sheet, is refused (by ledger).
func SetVote(r *app.Residence, v ledger.Vote) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SetVote(v) })
}
