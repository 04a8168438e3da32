package ofx

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"tantieme/bankfile"
)

// BenchmarkParse reads a statement of 5,000 lines (the benchmark
// size), written by Write.
func BenchmarkParse(b *testing.B) {
	st := bankfile.Statement{Account: bankfile.Account{IBAN: "FR1420041010050500013M02606"}, Currency: "EUR"}
	d := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 5000 {
		st.Lines = append(st.Lines, bankfile.Line{Date: d.AddDate(0, 0, i%365), Amount: int64(1000 + i),
			Label: fmt.Sprintf("VIR SEPA M OU MME PROPRIETAIRE %d", i), Details: []string{"APPEL DE FONDS T1 LOT " + fmt.Sprint(i)},
			Reference: fmt.Sprintf("REF%06d", i)})
	}
	var buf bytes.Buffer
	if err := Write(&buf, []bankfile.Statement{st}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sts, err := Parse("b.ofx", data)
		if err != nil || len(sts[0].Lines) != 5000 {
			b.Fatal(err)
		}
	}
}
