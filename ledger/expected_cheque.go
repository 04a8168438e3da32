package ledger

import (
	"database/sql"
	"strings"
	"time"
)

// ExpectedCheque is a cheque an owner handed in advance (seed 003 « séries
// de chèques »): post-dated, it is kept by the syndic and offered on the
// deposits from its date; it becomes a receipt when deposited.
type ExpectedCheque struct {
	ID     int64
	Owner  string
	Series int64
	Date   time.Time
	Number string // digits; "" when unknown
	Amount Amount
	// ReceiptEntry is the receipt that recorded it, 0 while waiting.
	ReceiptEntry int64
}

// Received says whether the cheque was recorded as a receipt.
func (c ExpectedCheque) Received() bool { return c.ReceiptEntry != 0 }

// Name names the cheque in messages: « chèque n° 1234567 du 05/02/2026
// (150,00 €) ».
func (c ExpectedCheque) Name() string {
	s := "chèque"
	if c.Number != "" {
		s += " n° " + c.Number
	}
	return s + " du " + FrenchDate(c.Date) + " (" + c.Amount.String() + ")"
}

// ChequeSeries is a series of cheques as the syndic types it: the amount of
// each, the date and number of the first (number "" or "0" when unknown:
// the others are then unknown too), how many. The dates follow monthly on
// the first's day (the last day of a shorter month), unless Dates gives
// them all.
type ChequeSeries struct {
	Owner  string
	Amount Amount
	First  time.Time
	Number string
	Count  int
	Dates  []time.Time // optional: one per cheque
}

// MaxSeriesCheques bounds a series: two years of monthly cheques and more,
// far above what an owner hands at once; a typo of 1200 is refused.
const MaxSeriesCheques = 60

// SeriesDates are the dates of count cheques monthly from first, keeping
// its day (31 January gives 28 or 29 February, then 31 March).
func SeriesDates(first time.Time, count int) []time.Time {
	out := make([]time.Time, count)
	for i := range out {
		y, m := first.Year(), first.Month()+time.Month(i)
		last := Date(y, m+1, 1).AddDate(0, 0, -1).Day()
		day := first.Day()
		if day > last {
			day = last
		}
		out[i] = Date(y, m, day)
	}
	return out
}

// SeriesNumbers are the numbers of count cheques from first: consecutive
// (keeping the first's width, leading zeros included), or all "" when the
// first is unknown ("" or only zeros).
func SeriesNumbers(first string, count int) []string {
	out := make([]string, count)
	if strings.Trim(first, "0") == "" {
		return out
	}
	n := first
	for i := range out {
		out[i] = n
		n = incrementDigits(n)
	}
	return out
}

// incrementDigits adds one to a number written in digits, as long as it
// needs (no overflow on 20 digits).
func incrementDigits(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// chequeNumber cleans a typed cheque number: spaces removed, digits only,
// 20 at most ("0" means unknown, as in the seed).
func chequeNumber(who, s string) (string, error) {
	s = strings.Join(strings.Fields(s), "")
	if strings.Trim(s, "0") == "" {
		return "", nil
	}
	if len(s) > 20 || strings.Trim(s, "0123456789") != "" {
		return "", Errorf(Invalid, "%s : le numéro de chèque « %s » doit n'avoir que des chiffres (20 au plus ; 0 s'il est inconnu)", who, s)
	}
	return s, nil
}

// AddChequeSeries records the cheques of a series and returns them, in
// order. Refused: an unknown owner, an amount not positive, no date, a
// count outside 1..MaxSeriesCheques, a number not made of digits.
func (tx *Tx) AddChequeSeries(s ChequeSeries) ([]ExpectedCheque, error) {
	o, err := tx.Owner(s.Owner)
	if err != nil {
		return nil, err
	}
	who := "Chèques remis d'avance par " + o.DisplayName()
	number, err := chequeNumber(who, s.Number)
	if err != nil {
		return nil, err
	}
	switch {
	case s.Amount <= 0:
		return nil, Errorf(Invalid, "%s : le montant de chaque chèque doit être positif (%s)", who, s.Amount)
	case s.Count < 1 || s.Count > MaxSeriesCheques:
		return nil, Errorf(Invalid, "%s : le nombre de chèques doit aller de 1 à %d (%d demandé)", who, MaxSeriesCheques, s.Count)
	case s.First.IsZero() && len(s.Dates) == 0:
		return nil, Errorf(Invalid, "%s : la date du premier chèque est obligatoire", who)
	case len(s.Dates) != 0 && len(s.Dates) != s.Count:
		return nil, Errorf(Invalid, "%s : %d dates pour %d chèques", who, len(s.Dates), s.Count)
	}
	dates := s.Dates
	if len(dates) == 0 {
		dates = SeriesDates(s.First, s.Count)
	}
	numbers := SeriesNumbers(number, s.Count)
	var series int64
	if err := tx.queryRow(`SELECT coalesce(max(series), 0) + 1 FROM expected_cheques`).Scan(&series); err != nil {
		return nil, sqlError(err, "lecture des chèques remis d'avance")
	}
	out := make([]ExpectedCheque, s.Count)
	for i := range out {
		if dates[i].IsZero() {
			return nil, Errorf(Invalid, "%s : la date du chèque %d est obligatoire", who, i+1)
		}
		c := ExpectedCheque{Owner: o.Account, Series: series, Date: dates[i], Number: numbers[i], Amount: s.Amount}
		res, err := tx.exec(who, `INSERT INTO expected_cheques (owner, series, date, number, amount) VALUES (?, ?, ?, ?, ?)`,
			c.Owner, c.Series, ISO(c.Date), c.Number, int64(c.Amount))
		if err != nil {
			return nil, err
		}
		c.ID, _ = res.LastInsertId()
		out[i] = c
	}
	return out, nil
}

// ExpectedChequeFilter selects cheques handed in advance; zero fields
// select everything.
type ExpectedChequeFilter struct {
	Owner   string
	Waiting bool      // only those not recorded as receipts yet
	DueBy   time.Time // only those dated on or before
}

// expectedColumns reads a cheque; its receipt counts while its entry
// exists: a receipt deleted since (entry ids are never reused) leaves the
// cheque waiting again, as it is back in the syndic's hands.
const expectedColumns = `SELECT id, owner, series, date, number, amount,
	CASE WHEN EXISTS (SELECT 1 FROM entries e WHERE e.id = receipt_entry) THEN receipt_entry ELSE 0 END AS received
	FROM expected_cheques`

// ExpectedCheques lists cheques handed in advance, by date, owner, id.
func (tx *Tx) ExpectedCheques(f ExpectedChequeFilter) ([]ExpectedCheque, error) {
	q := `SELECT * FROM (` + expectedColumns + `) WHERE 1 = 1`
	var args []any
	if f.Owner != "" {
		q += ` AND owner = ?`
		args = append(args, f.Owner)
	}
	if f.Waiting {
		q += ` AND received = 0`
	}
	if !f.DueBy.IsZero() {
		q += ` AND date <= ?`
		args = append(args, ISO(f.DueBy))
	}
	q += ` ORDER BY date, owner, id`
	return collect(tx, "lecture des chèques remis d'avance", q, args, func(r *sql.Rows) (ExpectedCheque, error) {
		var c ExpectedCheque
		var date string
		err := r.Scan(&c.ID, &c.Owner, &c.Series, &date, &c.Number, &c.Amount, &c.ReceiptEntry)
		c.Date = parseStored(date)
		return c, err
	})
}

// ExpectedCheque reads one cheque handed in advance.
func (tx *Tx) ExpectedCheque(id int64) (ExpectedCheque, error) {
	var c ExpectedCheque
	var date string
	err := tx.queryRow(expectedColumns+` WHERE id = ?`, id).
		Scan(&c.ID, &c.Owner, &c.Series, &date, &c.Number, &c.Amount, &c.ReceiptEntry)
	if err == sql.ErrNoRows {
		return c, Errorf(NotFound, "Le chèque remis d'avance n° %d n'existe pas", id)
	}
	c.Date = parseStored(date)
	return c, sqlError(err, "lecture d'un chèque remis d'avance")
}

// changeable reads cheque id and refuses one already recorded as a
// receipt: it is in the books from then on, corrected as a receipt.
func (tx *Tx) changeable(id int64, doing string) (ExpectedCheque, string, error) {
	c, err := tx.ExpectedCheque(id)
	if err != nil {
		return c, "", err
	}
	o, err := tx.Owner(c.Owner)
	if err != nil {
		return c, "", err
	}
	who := "Chèque remis d'avance par " + o.DisplayName() + ", " + c.Name()
	if c.Received() {
		return c, who, Errorf(Conflict, "%s : il a déjà été encaissé (écriture n° %d) ; il ne peut plus être %s ici, corrigez le règlement sur la fiche du copropriétaire", who, c.ReceiptEntry, doing)
	}
	return c, who, nil
}

// UpdateExpectedCheque changes the date, number and amount of a cheque
// handed in advance, while it is not recorded as a receipt.
func (tx *Tx) UpdateExpectedCheque(c ExpectedCheque) error {
	old, who, err := tx.changeable(c.ID, "modifié")
	if err != nil {
		return err
	}
	number, err := chequeNumber(who, c.Number)
	if err != nil {
		return err
	}
	switch {
	case c.Date.IsZero():
		return Errorf(Invalid, "%s : la date est obligatoire", who)
	case c.Amount <= 0:
		return Errorf(Invalid, "%s : le montant doit être positif (%s)", who, c.Amount)
	}
	_, err = tx.exec(who, `UPDATE expected_cheques SET date = ?, number = ?, amount = ? WHERE id = ?`,
		ISO(c.Date), number, int64(c.Amount), old.ID)
	return err
}

// DeleteExpectedCheque deletes a cheque handed in advance (given back to
// the owner, or typed by mistake), while it is not recorded as a receipt.
func (tx *Tx) DeleteExpectedCheque(id int64) error {
	_, who, err := tx.changeable(id, "supprimé")
	if err != nil {
		return err
	}
	_, err = tx.exec(who, `DELETE FROM expected_cheques WHERE id = ?`, id)
	return err
}

// ExpectedChequeReceived ties cheque id to the receipt that recorded it
// (receiptEntry), in the transaction that posted that receipt.
func (tx *Tx) ExpectedChequeReceived(id, receiptEntry int64) error {
	_, who, err := tx.changeable(id, "encaissé une seconde fois")
	if err != nil {
		return err
	}
	_, err = tx.exec(who, `UPDATE expected_cheques SET receipt_entry = ? WHERE id = ?`, receiptEntry, id)
	return err
}
