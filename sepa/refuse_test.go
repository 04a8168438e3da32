package sepa

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// failWriter fails the test on any write: a refused file writes nothing.
type failWriter struct{ t *testing.T }

func (w failWriter) Write(p []byte) (int, error) {
	w.t.Errorf("written although refused: %s", p)
	return len(p), nil
}

type refusal struct {
	name, where, field, msg string
}

func checkRefusal(t *testing.T, c refusal, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s: error %v (%T), want *Error", c.name, err, err)
		return
	}
	if e.Where != c.where || e.Field != c.field || !strings.Contains(e.Msg, c.msg) {
		t.Errorf("%s:\n got Where %q Field %q Msg %q\nwant Where %q Field %q Msg containing %q", c.name, e.Where, e.Field, e.Msg, c.where, c.field, c.msg)
	}
}

func TestCreditTransferRefusals(t *testing.T) {
	const sup = "Virement n° 2, bénéficiaire « Plomberie Dupré et Fils »"
	const deb = "Compte débité « Syndicat des copropriétaires de la Résidence Les Tilleuls »"
	for _, c := range []struct {
		refusal
		edit func(*CreditTransfer)
		v    Version
	}{
		{refusal{"no payment", "Fichier", "", "aucun virement"}, func(ct *CreditTransfer) { ct.Payments = nil }, ""},
		{refusal{"too many", "Fichier", "", "100001 virements"}, func(ct *CreditTransfer) {
			ct.Payments = make([]Payment, MaxTransactions+1)
		}, ""},
		{refusal{"no msg id", "Fichier", "identifiant du message", "manquant"}, func(ct *CreditTransfer) { ct.MsgID = " " }, ""},
		{refusal{"msg id with accent", "Fichier", "identifiant du message", "contient « É »"}, func(ct *CreditTransfer) { ct.MsgID = "VIREMENT-ÉTÉ" }, ""},
		{refusal{"msg id too long", "Fichier", "identifiant du message", "trop long (36 caractères"}, func(ct *CreditTransfer) { ct.MsgID = strings.Repeat("M", 36) }, ""},
		{refusal{"no creation time", "Fichier", "date de création", "manquante"}, func(ct *CreditTransfer) { ct.Created = time.Time{} }, ""},
		{refusal{"no execution date", "Fichier", "date d'exécution", "manquante"}, func(ct *CreditTransfer) { ct.ExecutionDate = time.Time{} }, ""},
		{refusal{"year 10000", "Fichier", "date d'exécution", "année 10000"}, func(ct *CreditTransfer) { ct.ExecutionDate = day("9999-12-31").AddDate(0, 0, 1) }, ""},
		{refusal{"initiator with €", "Fichier", "émetteur", "« € »"}, func(ct *CreditTransfer) { ct.Initiator = "Syndic €" }, ""},
		{refusal{"debtor without IBAN", deb, "IBAN", "manquant"}, func(ct *CreditTransfer) { ct.Debtor.IBAN = "" }, ""},
		{refusal{"debtor without name", "Compte débité", "nom", "manquant"}, func(ct *CreditTransfer) { ct.Debtor.Name = "  " }, ""},
		{refusal{"debtor's address lines only", deb, "adresse", "la ville et le pays sont obligatoires"}, func(ct *CreditTransfer) {
			ct.Debtor.Address = Address{Lines: []string{"12 bis rue de l'Eglise", "75011 Paris"}}
		}, ""},
		{refusal{"amount zero", sup, "montant", "0,00 € : un montant SEPA doit être positif"}, func(ct *CreditTransfer) { ct.Payments[1].Amount = 0 }, ""},
		{refusal{"amount negative", sup, "montant", "-12,34 €"}, func(ct *CreditTransfer) { ct.Payments[1].Amount = -1234 }, ""},
		{refusal{"amount too large", sup, "montant", "1 000 000 000,00 € dépasse le plafond d'un paiement SEPA (999 999 999,99 €)"}, func(ct *CreditTransfer) {
			ct.Payments[1].Amount = MaxAmount + 1
		}, ""},
		{refusal{"creditor without IBAN", sup, "IBAN", "manquant"}, func(ct *CreditTransfer) { ct.Payments[1].Creditor.IBAN = "" }, ""},
		{refusal{"creditor IBAN malformed", sup, "IBAN", "« BE6853900754703! » n'a pas la forme d'un IBAN"}, func(ct *CreditTransfer) {
			ct.Payments[1].Creditor.IBAN = "BE68 5390 0754 703!"
		}, ""},
		{refusal{"BIC malformed", sup, "BIC", "« GEBA » n'a pas la forme d'un BIC"}, func(ct *CreditTransfer) { ct.Payments[1].Creditor.BIC = "GEBA" }, ""},
		{refusal{"BIC 2019 shape in a 2009 file", sup, "BIC", "« GEB1BEBB »"}, func(ct *CreditTransfer) { ct.Payments[1].Creditor.BIC = "GEB1BEBB" }, Pain001v03},
		{refusal{"name with &", "Virement n° 2, bénéficiaire « Dupont & Fils »", "nom", "le caractère « & » n'est pas admis par SEPA"}, func(ct *CreditTransfer) {
			ct.Payments[1].Creditor.Name = "Dupont & Fils"
		}, ""},
		{refusal{"remittance with €", sup, "libellé", "« € »"}, func(ct *CreditTransfer) { ct.Payments[1].Remittance = "Facture de 100 €" }, ""},
		{refusal{"end-to-end with space", sup, "référence de bout en bout", "espace"}, func(ct *CreditTransfer) { ct.Payments[1].EndToEnd = "FACT 117" }, ""},
		{refusal{"town without country", sup, "adresse", "la ville et le pays sont obligatoires"}, func(ct *CreditTransfer) {
			ct.Payments[1].Creditor.Address.Country = ""
		}, ""},
		{refusal{"three address lines", sup, "adresse", "3 lignes d'adresse : deux au plus"}, func(ct *CreditTransfer) {
			ct.Payments[1].Creditor.Address.Lines = []string{"a", "b", "c"}
		}, ""},
		{refusal{"country not a code", sup, "pays", "« Belgique » n'est pas un code pays"}, func(ct *CreditTransfer) {
			ct.Payments[1].Creditor.Address.Country = "Belgique"
		}, ""},
		{refusal{"post code too long", sup, "code postal", "trop long (16 caractères au plus)"}, func(ct *CreditTransfer) {
			ct.Payments[1].Creditor.Address.PostCode = strings.Repeat("1", 17)
		}, ""},
		{refusal{"address line with €", sup, "ligne d'adresse n° 2", "« € »"}, func(ct *CreditTransfer) {
			ct.Payments[1].Creditor.Address.Lines[1] = "€"
		}, ""},
		{refusal{"wrong version", "", "", "version « pain.008.001.08 » inconnue pour un virement"}, func(*CreditTransfer) {}, Pain008v08},
	} {
		ct := sampleCT()
		c.edit(&ct)
		checkRefusal(t, c.refusal, WriteCreditTransfer(failWriter{t}, ct, c.v))
	}
}

func TestDirectDebitRefusals(t *testing.T) {
	const d2 = "Prélèvement n° 2, débiteur « Jean Dupont »"
	const cred = "Créancier « Syndicat des copropriétaires de la Résidence Les Tilleuls »"
	for _, c := range []struct {
		refusal
		edit func(*DirectDebit)
		v    Version
	}{
		{refusal{"no debit", "Fichier", "", "aucun prélèvement"}, func(dd *DirectDebit) { dd.Debits = nil }, ""},
		{refusal{"no ICS", cred, "ICS (identifiant créancier SEPA)", "manquant"}, func(dd *DirectDebit) { dd.CreditorID = "" }, ""},
		{refusal{"ICS with a space", cred, "ICS (identifiant créancier SEPA)", "espace"}, func(dd *DirectDebit) { dd.CreditorID = "FR12 ZZZ 123456" }, ""},
		{refusal{"creditor without IBAN", cred, "IBAN", "manquant"}, func(dd *DirectDebit) { dd.Creditor.IBAN = "" }, ""},
		{refusal{"no RUM", d2, "RUM (référence unique du mandat)", "manquant"}, func(dd *DirectDebit) { dd.Debits[1].MandateID = "" }, ""},
		{refusal{"RUM with accent", d2, "RUM (référence unique du mandat)", "« é »"}, func(dd *DirectDebit) { dd.Debits[1].MandateID = "RUM-é" }, ""},
		{refusal{"no signature date", d2, "date de signature du mandat", "manquante"}, func(dd *DirectDebit) { dd.Debits[1].MandateSigned = time.Time{} }, ""},
		{refusal{"signed after collection", d2, "date de signature du mandat", "le 06/01/2027, après la date de prélèvement (05/01/2027)"}, func(dd *DirectDebit) {
			dd.Debits[1].MandateSigned = day("2027-01-06")
		}, ""},
		{refusal{"no sequence", d2, "type de séquence", "manquant"}, func(dd *DirectDebit) { dd.Debits[1].Sequence = "" }, ""},
		{refusal{"sequence not allowed", d2, "type de séquence", "« RPRE » n'est pas admis"}, func(dd *DirectDebit) { dd.Debits[1].Sequence = "RPRE" }, ""},
		{refusal{"no collection date", "Prélèvement n° 1, débiteur « Zoé L’Œuvre-Müller »", "date de prélèvement", "manquante"}, func(dd *DirectDebit) { dd.CollectionDate = time.Time{} }, ""},
		{refusal{"amount zero", d2, "montant", "doit être positif"}, func(dd *DirectDebit) { dd.Debits[1].Amount = 0 }, ""},
		{refusal{"amount too large", d2, "montant", "dépasse le plafond"}, func(dd *DirectDebit) { dd.Debits[1].Amount = MaxAmount + 1 }, ""},
		{refusal{"debtor without IBAN", d2, "IBAN", "manquant"}, func(dd *DirectDebit) { dd.Debits[1].Debtor.IBAN = "" }, ""},
		{refusal{"debtor's address lines only", d2, "adresse", "une adresse en lignes libres seulement n'est plus acceptée"}, func(dd *DirectDebit) {
			dd.Debits[1].Debtor.Address.Lines = []string{"3 avenue des Ternes", "75017 Paris"}
		}, ""},
		{refusal{"debtor name in Greek", "Prélèvement n° 2, débiteur « Σωκράτης »", "nom", "« Σ »"}, func(dd *DirectDebit) {
			dd.Debits[1].Debtor.Name = "Σωκράτης"
		}, ""},
		{refusal{"wrong version", "", "", "version « pain.001.001.09 » inconnue pour un prélèvement"}, func(*DirectDebit) {}, Pain001v09},
	} {
		dd := sampleDD()
		c.edit(&dd)
		checkRefusal(t, c.refusal, WriteDirectDebit(failWriter{t}, dd, c.v))
	}
}

// The whole message, as the syndic reads it.
func TestErrorText(t *testing.T) {
	ct := sampleCT()
	ct.Payments[1].Creditor.IBAN = ""
	err := WriteCreditTransfer(failWriter{t}, ct, "")
	if want := "Virement n° 2, bénéficiaire « Plomberie Dupré et Fils » : IBAN : manquant"; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
