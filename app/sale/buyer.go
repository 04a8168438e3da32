package sale

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"tantieme/app"
	"tantieme/ledger"
)

// NoticeDays is the delay of loi 1965 art. 20 II: a buyer already owner
// whose mise en demeure is left unanswered more than 45 days.
const NoticeDays = 45

// BuyerAnswer is the syndic's answer to the notary's notice about the
// buyer (loi 1965 art. 20 II).
type BuyerAnswer struct {
	Asked   string // what the notary gave: an account or a name
	Account string // the owner's account when he is one
	Name    string
	Owner   bool // he already owns a lot (or did) in the residence
	// Opposable: a mise en demeure served to him is left unanswered more
	// than 45 days at the date: the syndic may oppose.
	Opposable bool
	Text      string // the answer, one French paragraph
}

// AnswerBuyer answers the art. 20 II notice about who (an owner's account
// 450xxx, or a name looked up among the owners) at day at.
func AnswerBuyer(r *app.Residence, who string, at time.Time) (*BuyerAnswer, error) {
	who = strings.Join(strings.Fields(who), " ")
	switch {
	case who == "":
		return nil, ledger.Errorf(ledger.Invalid, "Indiquez l'acquéreur : son compte (450…) ou son nom")
	case !utf8.ValidString(who) || utf8.RuneCountInString(who) > 120 || strings.ContainsFunc(who, func(c rune) bool { return c < ' ' || c == 0x7f }):
		return nil, ledger.Errorf(ledger.Invalid, "Le nom de l'acquéreur est invalide : 120 caractères au plus, sans caractère de contrôle")
	}
	a := &BuyerAnswer{Asked: who, Name: who}
	owners, err := r.Owners()
	if err != nil {
		return nil, err
	}
	var found []ledger.Owner
	for _, o := range owners {
		if o.Account == who || (!ledger.IsOwnerAccount(who) && (strings.EqualFold(o.DisplayName(), who) || strings.EqualFold(o.Name, who))) {
			found = append(found, o)
		}
	}
	if ledger.IsOwnerAccount(who) && len(found) == 0 {
		return nil, ledger.Errorf(ledger.NotFound, "Le copropriétaire %s n'existe pas : indiquez le nom de l'acquéreur s'il n'est pas copropriétaire", who)
	}
	for _, o := range found {
		a.Owner, a.Account, a.Name = true, o.Account, o.DisplayName()
		if a.Opposable, err = r.NoticeUnanswered(o.Account, at, NoticeDays); err != nil {
			return nil, err
		}
		if a.Opposable {
			break
		}
	}
	day := ledger.FrenchDate(at)
	switch {
	case !a.Owner:
		a.Text = fmt.Sprintf("%s n'est pas copropriétaire dans la résidence au %s : le syndic n'a pas d'opposition à former au titre de l'article 20 II de la loi du 10 juillet 1965.", a.Name, day)
	case a.Opposable:
		a.Text = fmt.Sprintf("%s (compte %s) est déjà copropriétaire et fait l'objet, au %s, d'une mise en demeure de payer restée infructueuse depuis plus de %d jours : le syndic peut s'opposer à la vente (loi du 10 juillet 1965, art. 20 II).", a.Name, a.Account, day, NoticeDays)
	default:
		a.Text = fmt.Sprintf("%s (compte %s) est déjà copropriétaire ; il ne fait pas l'objet, au %s, d'une mise en demeure de payer restée infructueuse depuis plus de %d jours : le syndic n'a pas d'opposition à former (loi du 10 juillet 1965, art. 20 II).", a.Name, a.Account, day, NoticeDays)
	}
	return a, nil
}
