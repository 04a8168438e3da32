package sepa

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
	"time"
)

// The totals of the sample files, read back with encoding/xml, against
// figures worked out by hand from the samples.
func TestTotalsReadBack(t *testing.T) {
	for _, v := range []Version{Pain001v09, Pain001v03} {
		var b bytes.Buffer
		if err := WriteCreditTransfer(&b, sampleCT(), v); err != nil {
			t.Fatal(err)
		}
		got := checkTotals(t, b.Bytes())
		// 12 500,00 + 1 234,56 + 0,01 = 13 734,57, in the order given.
		if want := []int64{1250000, 123456, 1}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: amounts %v, want %v", v, got, want)
		}
		doc := read(t, b.Bytes())
		if doc.GrpHdr.CtrlSum != "13734.57" || doc.GrpHdr.NbOfTxs != "3" || len(doc.PmtInf) != 1 {
			t.Errorf("%s: GrpHdr %+v, %d PmtInf", v, doc.GrpHdr, len(doc.PmtInf))
		}
		if e2e := doc.PmtInf[0].CT[2].E2E; e2e != "NOTPROVIDED" {
			t.Errorf("%s: EndToEndId without a reference: %q", v, e2e)
		}
	}
	// The direct debits fall in four PmtInf: 5 January FRST (456,78),
	// RCUR (300,00 + 700,00), FNAL (0,99), OOFF (50,00); 12 January RCUR
	// (123,45). 1 631,22 in all.
	type pmt struct{ date, seq, n, sum string }
	want := []pmt{
		{"2027-01-05", "FRST", "1", "456.78"},
		{"2027-01-05", "RCUR", "2", "1000.00"},
		{"2027-01-05", "FNAL", "1", "0.99"},
		{"2027-01-05", "OOFF", "1", "50.00"},
		{"2027-01-12", "RCUR", "1", "123.45"},
	}
	for _, v := range []Version{Pain008v08, Pain008v02} {
		var b bytes.Buffer
		if err := WriteDirectDebit(&b, sampleDD(), v); err != nil {
			t.Fatal(err)
		}
		checkTotals(t, b.Bytes())
		doc := read(t, b.Bytes())
		var got []pmt
		for _, p := range doc.PmtInf {
			got = append(got, pmt{p.ReqdColltnDt, p.SeqTp, p.NbOfTxs, p.CtrlSum})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: PmtInf %v, want %v", v, got, want)
		}
		if doc.GrpHdr.CtrlSum != "1631.22" || doc.GrpHdr.NbOfTxs != "6" {
			t.Errorf("%s: GrpHdr %+v", v, doc.GrpHdr)
		}
		for i, p := range doc.PmtInf {
			if wantID := fmt.Sprintf("PRLV-20270105-1-%d", i+1); p.PmtInfId != wantID {
				t.Errorf("%s: PmtInfId %q, want %q", v, p.PmtInfId, wantID)
			}
		}
	}
}

// Property: for random payments, whatever their number and amounts, the
// control sums read back equal the sum of the amounts given, computed here
// independently, and every amount comes back to the cent.
func TestControlSumProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	seqs := []Sequence{First, Recurrent, OneOff, Final}
	for round := 0; round < 60; round++ {
		n := 1 + rng.Intn(40)
		ct := sampleCT()
		dd := sampleDD()
		ct.Payments, dd.Debits = nil, nil
		var want int64
		var amounts []int64
		for i := 0; i < n; i++ {
			var a int64
			switch rng.Intn(4) {
			case 0:
				a = 1 + rng.Int63n(99) // cents only
			case 1:
				a = MaxAmount - rng.Int63n(1000) // near the ceiling
			default:
				a = 1 + rng.Int63n(10_000_000)
			}
			want += a
			amounts = append(amounts, a)
			ct.Payments = append(ct.Payments, Payment{EndToEnd: fmt.Sprintf("E%d", i), Amount: a,
				Creditor: Party{Name: "Fournisseur", IBAN: "FR7630006000011234567890189"}})
			dd.Debits = append(dd.Debits, Debit{EndToEnd: fmt.Sprintf("E%d", i), Amount: a, MandateID: fmt.Sprintf("RUM-%d", i),
				MandateSigned: day("2025-01-01"), Sequence: seqs[rng.Intn(4)],
				CollectionDate: day("2027-01-05").Add(time.Duration(rng.Intn(3)) * 24 * time.Hour),
				Debtor:         Party{Name: "Copropriétaire", IBAN: "FR7630006000011234567890189"}})
		}
		for _, write := range []func(*bytes.Buffer) error{
			func(b *bytes.Buffer) error { return WriteCreditTransfer(b, ct, Pain001v03) },
			func(b *bytes.Buffer) error { return WriteCreditTransfer(b, ct, Pain001v09) },
			func(b *bytes.Buffer) error { return WriteDirectDebit(b, dd, Pain008v02) },
			func(b *bytes.Buffer) error { return WriteDirectDebit(b, dd, Pain008v08) },
		} {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			got := checkTotals(t, b.Bytes())
			if s := cents(t, read(t, b.Bytes()).GrpHdr.CtrlSum); s != want {
				t.Fatalf("round %d: CtrlSum %d, want %d", round, s, want)
			}
			gotSorted := append([]int64(nil), got...)
			wantSorted := append([]int64(nil), amounts...)
			sort.Slice(gotSorted, func(i, j int) bool { return gotSorted[i] < gotSorted[j] })
			sort.Slice(wantSorted, func(i, j int) bool { return wantSorted[i] < wantSorted[j] })
			if !reflect.DeepEqual(gotSorted, wantSorted) {
				t.Fatalf("round %d: amounts %v, want %v", round, got, amounts)
			}
		}
	}
}
