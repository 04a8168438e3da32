package mailing

import (
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

// Template is the subject and body of the messages of one kind of
// document, with merge fields: {civilite} {nom} {residence} {date}
// {montant} {syndic}.
type Template struct {
	Subject string
	Body    string
}

// Fields lists the merge fields, for the window's help.
var Fields = []string{"{civilite}", "{nom}", "{residence}", "{date}", "{montant}", "{syndic}"}

// defaults are the French templates until the syndic writes his own.
//
// A French letter greets with the civility alone (« Madame, », « Monsieur, »,
// « Madame, Monsieur, »), never followed by the name; {nom} is there for a
// syndic who wants it elsewhere.
var defaults = map[string]Template{
	"notice": {"{residence} – avis d'appel de fonds du {date}",
		"{civilite},\n\nVeuillez trouver ci-joint votre avis d'appel de fonds à échéance du {date}, d'un montant de {montant}.\n\nVous avez accepté de recevoir vos avis par courrier électronique ; vous pouvez retirer cet accord à tout moment en me l'écrivant.\n\nBien cordialement,\n{syndic}\nSyndic — {residence}"},
	"reminder": {"{residence} – relance au {date}",
		"{civilite},\n\nSauf erreur de ma part, votre compte présente au {date} un solde débiteur de {montant}. Vous trouverez ci-joint la relance et le relevé de votre compte.\n\nSi votre règlement a croisé ce message, merci de ne pas en tenir compte.\n\nBien cordialement,\n{syndic}\nSyndic — {residence}"},
	"decompte": {"{residence} – décompte de charges de l'exercice {date}",
		"{civilite},\n\nVeuillez trouver ci-joint votre décompte individuel de charges de l'exercice {date}.\n\nBien cordialement,\n{syndic}\nSyndic — {residence}"},
	"": {"{residence} – document du {date}",
		"{civilite},\n\nVeuillez trouver ci-joint un document de la copropriété, daté du {date}.\n\nBien cordialement,\n{syndic}\nSyndic — {residence}"},
}

func optSubject(kind string) string { return "mail.template." + kind + ".subject" }
func optBody(kind string) string    { return "mail.template." + kind + ".body" }

// DefaultTemplate is the template Tantième proposes for a kind.
func DefaultTemplate(kind string) Template {
	if t, ok := defaults[kind]; ok {
		return t
	}
	return defaults[""]
}

// LoadTemplate is the syndic's template for a kind, or the default.
func LoadTemplate(r *app.Residence, kind string) (Template, error) {
	t := DefaultTemplate(kind)
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if t.Subject, err = tx.Option(optSubject(kind), t.Subject); err != nil {
			return err
		}
		t.Body, err = tx.Option(optBody(kind), t.Body)
		return err
	})
	return t, err
}

// SaveTemplate records the syndic's template for a kind.
func SaveTemplate(r *app.Residence, kind string, t Template) error {
	if _, ok := ledger.DocumentKinds[kind]; !ok {
		return ledger.Errorf(ledger.Invalid, "Genre de document inconnu : « %s »", kind)
	}
	var err error
	if t.Subject, err = ledger.CleanText("objet du message", strings.TrimSpace(t.Subject), ledger.LabelText); err != nil {
		return err
	}
	if t.Body, err = ledger.CleanText("texte du message", t.Body, ledger.OptionText); err != nil {
		return err
	}
	if t.Subject == "" {
		return ledger.Errorf(ledger.Invalid, "Le message doit avoir un objet")
	}
	return r.Update(func(tx *ledger.Tx) error {
		if err := tx.SetOption(optSubject(kind), t.Subject); err != nil {
			return err
		}
		return tx.SetOption(optBody(kind), t.Body)
	})
}

// Merge fills a template's fields for one owner.
func Merge(t Template, values map[string]string) Template {
	pairs := make([]string, 0, 2*len(values))
	for k, v := range values {
		pairs = append(pairs, "{"+k+"}", v)
	}
	rep := strings.NewReplacer(pairs...)
	return Template{Subject: rep.Replace(t.Subject), Body: rep.Replace(t.Body)}
}
