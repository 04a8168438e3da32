package ledger

import (
	"crypto/sha256"
	"fmt"
)

func init() { migrationSteps["entry_chain"] = chainExisting }

// chainExisting chains the entries of a residence written before the chain
// existed, once, in the order of their numbers, then seals its closed
// exercises in order. What the file held at that moment is taken as it was:
// the chain proves what happens from then on (the user is told so).
func chainExisting(tx *Tx) (string, error) {
	exercises, err := tx.Exercises()
	if err != nil {
		return "", err
	}
	var afterID int64
	n := 0
	for {
		batch, err := tx.entriesAfter(afterID, chainBatch)
		if err != nil {
			return "", err
		}
		if len(batch) == 0 {
			break
		}
		for i := range batch {
			e := &batch[i]
			afterID = e.ID
			ex := exerciseStarting(exercises, e.Date)
			for _, x := range exercises {
				if x.Contains(e.Date) {
					ex = x
				}
			}
			if _, err := tx.appendChain(OpPost, e.ID, ex.Start, sha256.Sum256([]byte(EncodeEntry(e)))); err != nil {
				return "", err
			}
			n++
		}
	}
	sealed := 0
	for _, ex := range exercises {
		if ex.Closed {
			if _, err := tx.sealExercise(ex); err != nil {
				return "", err
			}
			sealed++
		}
	}
	if n == 0 && sealed == 0 {
		return "", nil
	}
	head, _, err := tx.ChainHead()
	if err != nil {
		return "", err
	}
	msg := fmt.Sprintf("Les %d écritures déjà passées ont été enchaînées une fois pour toutes dans la chaîne d'empreintes (empreinte %s)", n, head.Link.Fingerprint())
	if n == 1 {
		msg = fmt.Sprintf("L'écriture déjà passée a été enchaînée une fois pour toutes dans la chaîne d'empreintes (empreinte %s)", head.Link.Fingerprint())
	}
	switch {
	case sealed == 1:
		msg += " et l'exercice clos scellé"
	case sealed > 1:
		msg += fmt.Sprintf(" et les %d exercices clos scellés", sealed)
	}
	return msg + " : toute modification ultérieure des comptes sera détectée.", nil
}
