package ledger

import "database/sql"

// Vote is an owner's vote on a resolution. Round 2 is the second vote of
// loi 1965 art. 25-1 or art. 26 (whether it applies is the vote rules'
// business).
type Vote struct {
	Resolution int64
	Owner      string
	Round      int // 1 or 2
	Choice     string
}

// The choices of a vote.
const (
	VoteFor     = "pour"
	VoteAgainst = "contre"
	VoteAbstain = "abstention"
)

// SetVote records or changes an owner's vote. Only an owner who took part
// (present, represented or by post) votes.
func (tx *Tx) SetVote(v Vote) error {
	if v.Round == 0 {
		v.Round = 1
	}
	if v.Round != 1 && v.Round != 2 {
		return Errorf(Invalid, "Tour de vote %d inconnu : 1, ou 2 pour le second vote", v.Round)
	}
	if v.Choice != VoteFor && v.Choice != VoteAgainst && v.Choice != VoteAbstain {
		return Errorf(Invalid, "Vote « %s » inconnu : pour, contre ou abstention", v.Choice)
	}
	r, err := tx.Resolution(v.Resolution)
	if err != nil {
		return err
	}
	if err := tx.checkOwner(v.Owner, "vote"); err != nil {
		return err
	}
	var status sql.NullString
	switch err := tx.queryRow(`SELECT status FROM attendances WHERE assembly_id = ? AND owner = ?`, r.Assembly, v.Owner).Scan(&status); {
	case err == sql.ErrNoRows:
		return Errorf(Invalid, "Le copropriétaire %s n'est pas inscrit à la feuille de présence : il ne vote pas", v.Owner)
	case err != nil:
		return sqlError(err, "lecture de la feuille de présence")
	case status.String == AttendAbsent:
		return Errorf(Invalid, "Le copropriétaire %s est absent : il ne vote pas", v.Owner)
	}
	_, err = tx.exec("vote de "+v.Owner, `INSERT INTO votes (resolution_id, owner, round, choice) VALUES (?, ?, ?, ?)
		ON CONFLICT (resolution_id, owner, round) DO UPDATE SET choice = excluded.choice`, v.Resolution, v.Owner, v.Round, v.Choice)
	return err
}

// DeleteVote forgets an owner's vote on a resolution's round.
func (tx *Tx) DeleteVote(resolution int64, owner string, round int) error {
	_, err := tx.exec("suppression du vote", `DELETE FROM votes WHERE resolution_id = ? AND owner = ? AND round = ?`, resolution, owner, round)
	return err
}

// Votes lists the votes cast at an assembly, by resolution number, round
// and owner.
func (tx *Tx) Votes(assembly int64) ([]Vote, error) {
	return collect(tx, "lecture des votes", `SELECT v.resolution_id, v.owner, v.round, v.choice FROM votes v
		JOIN resolutions r ON r.id = v.resolution_id WHERE r.assembly_id = ? ORDER BY r.number, v.round, v.owner`,
		[]any{assembly}, func(r *sql.Rows) (Vote, error) {
			var v Vote
			return v, r.Scan(&v.Resolution, &v.Owner, &v.Round, &v.Choice)
		})
}
