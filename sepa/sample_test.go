package sepa

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

var paris = time.FixedZone("CET", 3600)

// residence is the syndicat's current account, with a structured address.
func residence() Party {
	return Party{Name: "Syndicat des copropriétaires de la Résidence Les Tilleuls",
		IBAN: "FR76 3000 6000 0112 3456 7890 189", BIC: "agrifrpp",
		Address: Address{Street: "Rue de l’Église", Building: "12 bis", PostCode: "75011", Town: "Paris", Country: "fr"}}
}

// sampleCT is a transfer to the works-fund livret (IBAN only, no address)
// and a supplier's invoice (hybrid address).
func sampleCT() CreditTransfer {
	return CreditTransfer{MsgID: "VIREFOND-20270105-1", Created: time.Date(2027, 1, 4, 18, 30, 5, 0, paris),
		Initiator: "Syndic bénévole Zoé Lefèvre", Debtor: residence(), ExecutionDate: day("2027-01-05"),
		Payments: []Payment{
			{EndToEnd: "FT-2027-001", Amount: 1250000, Remittance: "Fonds de travaux 2027 T1",
				Creditor: Party{Name: "SDC Les Tilleuls — Livret A", IBAN: "FR1420041010050500013M02606"}},
			{EndToEnd: "FACT-117", Amount: 123456, Remittance: "Facture n° 2026-117 : réparation de la fuite",
				Creditor: Party{Name: "Plomberie Dupré et Fils", IBAN: "BE68539007547034", BIC: "GEBABEBB",
					Address: Address{Town: "Bruxelles", Country: "BE", Lines: []string{"Avenue Louise 54", "Boîte 3"}}}},
			{Amount: 1, Creditor: Party{Name: "Œuvre", IBAN: "DE89370400440532013000", BIC: "COBADEFFXXX"}},
		}}
}

// sampleDD has every sequence type, two collection dates, an owner
// without BIC and one with a hybrid address.
func sampleDD() DirectDebit {
	owner := func(name, iban, bic string) Party { return Party{Name: name, IBAN: iban, BIC: bic} }
	return DirectDebit{MsgID: "PRLV-20270105-1", Created: time.Date(2027, 1, 2, 9, 0, 0, 0, time.UTC),
		Creditor: residence(), CreditorID: "FR12ZZZ123456", CollectionDate: day("2027-01-05"),
		Debits: []Debit{
			{EndToEnd: "APPEL-2027-1-LOT3", Amount: 45678, MandateID: "TIL-000003", MandateSigned: day("2026-12-01"), Sequence: First,
				Debtor: Party{Name: "Zoé L’Œuvre-Müller", IBAN: "FR7630004000031234567890143", BIC: "BNPAFRPPXXX",
					Address: Address{Street: "Avenue des Ternes", Building: "3", PostCode: "75017", Town: "Paris", Country: "FR",
						Lines: []string{"Bâtiment B, 2e étage"}}},
				Remittance: "Appel de fonds n° 1 2027, lot 3"},
			{EndToEnd: "APPEL-2027-1-LOT4", Amount: 30000, MandateID: "TIL-000004", MandateSigned: day("2024-05-17"), Sequence: Recurrent,
				Debtor: owner("Jean Dupont", "FR7610107001011234567890129", "")},
			{EndToEnd: "APPEL-2027-1-LOT5", Amount: 12345, MandateID: "TIL-000005", MandateSigned: day("2024-05-17"), Sequence: Recurrent,
				CollectionDate: day("2027-01-12"), Debtor: owner("Ana García", "ES9121000418450200051332", "CAIXESBBXXX")},
			{EndToEnd: "APPEL-2027-1-LOT6", Amount: 99, MandateID: "TIL-000006", MandateSigned: day("2020-02-29"), Sequence: "fnal",
				Debtor: owner("Claire Martin", "FR7630006000011234567890189", "AGRIFRPP")},
			{Amount: 5000, MandateID: "TIL-000007", MandateSigned: day("2027-01-05"), Sequence: OneOff,
				Debtor: owner("Luc Bernard", "FR7630006000011234567890189", "")},
			{EndToEnd: "APPEL-2027-1-LOT8", Amount: 70000, MandateID: "TIL-000008", MandateSigned: day("2025-09-09"), Sequence: Recurrent,
				Debtor: owner("Hélène Roux", "FR7630006000011234567890189", "AGRIFRPP")},
		}}
}

// readBack is what the tests read of a written file with encoding/xml, by
// the elements' local names: the totals and each transaction's amount.
type readBack struct {
	CT *readInitn `xml:"CstmrCdtTrfInitn"`
	DD *readInitn `xml:"CstmrDrctDbtInitn"`
}

type readInitn struct {
	GrpHdr struct {
		MsgId, NbOfTxs, CtrlSum string
	}
	PmtInf []struct {
		PmtInfId, NbOfTxs, CtrlSum string
		SeqTp                      string `xml:"PmtTpInf>SeqTp"`
		ReqdColltnDt               string
		CT                         []struct {
			Amt readAmount `xml:"Amt>InstdAmt"`
			E2E string     `xml:"PmtId>EndToEndId"`
		} `xml:"CdtTrfTxInf"`
		DD []struct {
			Amt readAmount `xml:"InstdAmt"`
			E2E string     `xml:"PmtId>EndToEndId"`
		} `xml:"DrctDbtTxInf"`
	}
}

type readAmount struct {
	Ccy   string `xml:"Ccy,attr"`
	Value string `xml:",chardata"`
}

func read(t testing.TB, b []byte) *readInitn {
	t.Helper()
	var doc readBack
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("read back: %v\n%s", err, b)
	}
	if doc.CT != nil {
		return doc.CT
	}
	if doc.DD == nil {
		t.Fatalf("neither a credit transfer nor a direct debit:\n%s", b)
	}
	return doc.DD
}

// decimalRE is the shape every amount must have: two decimals and a dot.
var decimalRE = regexp.MustCompile(`^(0|[1-9][0-9]*)\.([0-9]{2})$`)

// cents reads "1234.56" as 123456, independently of the writer's money().
func cents(t testing.TB, s string) int64 {
	t.Helper()
	m := decimalRE.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("amount %q is not written with two decimals and a dot", s)
	}
	units, err1 := strconv.ParseInt(m[1], 10, 64)
	dec, err2 := strconv.ParseInt(m[2], 10, 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("amount %q: %v %v", s, err1, err2)
	}
	return units*100 + dec
}

// checkTotals reads the file back and checks that every NbOfTxs and
// CtrlSum agrees with the transactions under it and with want (the
// amounts given to the writer, in order of the PmtInf they fall in or
// not). It returns the amounts read, in file order.
func checkTotals(t testing.TB, b []byte) []int64 {
	t.Helper()
	doc := read(t, b)
	var all []int64
	var groupSum int64
	for k, p := range doc.PmtInf {
		var sum int64
		var n int
		add := func(a readAmount) {
			if a.Ccy != "EUR" {
				t.Errorf("PmtInf %d: currency %q", k+1, a.Ccy)
			}
			c := cents(t, a.Value)
			sum += c
			all = append(all, c)
			n++
		}
		for _, tx := range p.CT {
			add(tx.Amt)
		}
		for _, tx := range p.DD {
			add(tx.Amt)
		}
		if p.NbOfTxs != fmt.Sprint(n) || cents(t, p.CtrlSum) != sum {
			t.Errorf("PmtInf %d: NbOfTxs %s CtrlSum %s, transactions %d summing %d cents", k+1, p.NbOfTxs, p.CtrlSum, n, sum)
		}
		groupSum += sum
	}
	if doc.GrpHdr.NbOfTxs != fmt.Sprint(len(all)) || cents(t, doc.GrpHdr.CtrlSum) != groupSum {
		t.Errorf("GrpHdr: NbOfTxs %s CtrlSum %s, transactions %d summing %d cents", doc.GrpHdr.NbOfTxs, doc.GrpHdr.CtrlSum, len(all), groupSum)
	}
	return all
}
