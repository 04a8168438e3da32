package main

import (
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/ledger"
)

// openForDocuments opens a residence to write a document from it: for
// writing, so that the document is recorded in the register (issue 19),
// or, when another program holds the file (the window open on it), for
// reading only: the document is written all the same and the user is told
// it is not in the register.
func openForDocuments(file string, out io.Writer) (*app.Residence, error) {
	r, err := app.Open(file)
	if err == nil {
		return r, nil
	}
	if ledger.KindOf(err) != ledger.Locked {
		return nil, err
	}
	r, err2 := app.OpenReadOnly(file)
	if err2 != nil {
		return nil, err
	}
	fmt.Fprintln(out, "La résidence est ouverte par un autre programme : le document sera écrit mais pas inscrit au registre des documents.")
	return r, nil
}
