package app

import (
	"os"
	"path/filepath"

	"tantieme/ledger"
)

// WriteSEPAFile writes the recorded SEPA file msgID again, byte for byte
// as it was made (ledger checks its SHA-256 on reading): for a file whose
// first write failed, or that was lost before being sent to the bank. It
// is the same payment order, never a new one. to is a folder (the file
// keeps its name) or the file's path; kind, when not "", is what the file
// must be. The path written is returned.
func (r *Residence) WriteSEPAFile(msgID, to string, kind ledger.SEPAKind) (string, error) {
	var f ledger.SEPAFile
	if err := r.View(func(tx *ledger.Tx) (err error) { f, err = tx.SEPAFileByMsgID(msgID); return err }); err != nil {
		return "", err
	}
	if kind != "" && f.Kind != kind {
		what := "de virement"
		if kind == ledger.SEPADebit {
			what = "de prélèvement"
		}
		return "", ledger.Errorf(ledger.Invalid, "Le fichier %s n'est pas un fichier %s", msgID, what)
	}
	path := to
	if st, err := os.Stat(to); err == nil && st.IsDir() {
		if err := ledger.CheckOutputDir(to); err != nil {
			return "", err
		}
		path = filepath.Join(to, f.Name)
	}
	return path, ledger.WriteOutputBytes(path, f.Content)
}
