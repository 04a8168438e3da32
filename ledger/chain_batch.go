package ledger

import "crypto/sha256"

// chainPosted appends the post records of es (just written, in order; exs
// their exercises) as chainEntry would one after the other: each record
// links to the one before, computed here, and the rows go in grouped
// INSERTs (PostEntries). The schema's chain_in_order trigger still checks
// every row's rank.
func (tx *Tx) chainPosted(es []*Entry, exs []Exercise) error {
	head, _, err := tx.ChainHead()
	if err != nil {
		return err
	}
	rows := make([]batchRow, len(es))
	for i, e := range es {
		r := ChainRecord{Seq: head.Seq + 1, Op: OpPost, EntryID: e.ID, Exercise: exs[i].Start,
			Content: sha256.Sum256([]byte(EncodeEntry(e)))}
		r.Link = linkOf(r, head.Link)
		rows[i] = batchRow{args: []any{r.Seq, r.Op, r.EntryID, ISO(r.Exercise), r.Content[:], r.Link[:]}}
		head = r
	}
	if err := tx.insertRows(`INSERT INTO chain (seq, op, entry_id, exercise, content, link) VALUES `, 6, rows); err != nil {
		// The head kept may be ahead of the file now: read it again.
		tx.forget("chainHead")
		return err
	}
	tx.remember("chainHead", head)
	return nil
}
