// Package read recognises a bank statement file from its content and hands
// it to the parser of its family: CAMT (XML), OFX, CFONB. The file's name
// and extension are never trusted: banks name their exports freely.
package read

import (
	"fmt"

	"tantieme/bankfile"
	"tantieme/bankfile/camt"
	"tantieme/bankfile/cfonb"
	"tantieme/bankfile/ofx"
)

// family is one parser: whether the content looks like its format, and
// how to read it.
type family struct {
	sniff func([]byte) bool
	parse func(string, []byte) ([]bankfile.Statement, error)
}

// The order matters only for content two families could claim: CAMT and
// OFX 2 are both XML, told apart by their root and namespace.
var families = []family{
	{camt.Sniff, camt.Parse},
	{ofx.Sniff, ofx.Parse},
	{cfonb.Sniff, cfonb.Parse},
}

// Statements reads the statements of a file, whatever its format. name is
// the file's name as the user chose it, for the messages.
func Statements(name string, data []byte) ([]bankfile.Statement, error) {
	if len(data) > bankfile.MaxFileBytes {
		return nil, &bankfile.Error{File: name, Msg: fmt.Sprintf("le fichier fait %d Mo : un relevé bancaire en fait bien moins ; ce n'est sans doute pas un relevé", len(data)>>20)}
	}
	if len(data) == 0 {
		return nil, &bankfile.Error{File: name, Msg: "le fichier est vide"}
	}
	for _, f := range families {
		if f.sniff(data) {
			return f.parse(name, data)
		}
	}
	return nil, &bankfile.Error{File: name, Msg: "ce n'est pas un relevé bancaire que Tantième sait lire : les formats reconnus sont CFONB 120 et 240, CAMT.053 et CAMT.054 (XML), OFX. Demandez à votre banque l'export de vos relevés dans l'un d'eux"}
}
