package importing

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/sheet"
)

// sharesImport reads a grid of shares: the lot in the first column (or the
// column headed "Lot"), one column per key headed by its code, optionally
// followed by its label ("002 - Ascenseur"). Missing keys are created with
// that label and their total; the shares of the keys in the grid are
// replaced (lots absent from the grid lose theirs on those keys), and each
// key's declared total becomes the sum of its shares. A total row at the
// bottom is checked against those sums.
type sharesImport struct{}

func (sharesImport) identity() []string { return []string{fLot} }

type gridKey struct {
	col     int
	code    string // the key's code in the residence (existing or to create)
	label   string
	create  bool
	written string // the header as written
	total   decimal.Decimal
	shares  map[string]decimal.Decimal // lot → shares (zero included)
	removed []string                   // lots losing their shares on this key
	oldTot  decimal.Decimal
}

type sharesData struct {
	keys []*gridKey
}

// keyHeader reads "002", "002 - Ascenseur", "2 Ascenseur", "Clé 002 : Ascenseur".
var keyHeader = regexp.MustCompile(`^(?i:cl[eé]s?\s*)?([0-9A-Za-z]{1,3})(?:\s*[-–—:]\s*(.*)|\s+(.+))?$`)

// nonKeyHeaders name columns a grid often has beside its keys.
var nonKeyHeaders = []string{"designation", "libelle", "type", "nature", "description", "nom", "proprietaire",
	"coproprietaire", "compte", "etage", "batiment", "escalier", "porte", "observations", "remarques", "total",
	"totaux", "somme"}

// detectHeader finds the grid's header row: the first row naming the lot
// column ("Lot", "N° de lot") or holding a key code after its first cell;
// titles above it are skipped. Without one, the first row that holds
// anything (a grid always has its key codes on top).
func (sharesImport) detectHeader(p *Plan) int {
	lot := fieldDefs[fLot]
	first := 0
	for r := 1; r <= min(20, p.sh.RowCount()); r++ {
		if p.rowEmpty(r) {
			continue
		}
		if first == 0 {
			first = r
		}
		seen := 0
		for c := 1; c <= len(p.sh.Row(r)); c++ {
			h := sheet.CleanText(p.sh.Shown(r, c).Text())
			if h == "" {
				continue
			}
			seen++
			if t := matchTier(lot, sheet.NormHeader(h)); t == 1 || t == 2 {
				return r
			}
			if seen > 1 && keyHeader.MatchString(h) && !isNonKeyHeader(h) {
				return r
			}
		}
	}
	return first
}

func isNonKeyHeader(h string) bool {
	n := sheet.NormHeader(h)
	for _, w := range nonKeyHeaders {
		if n == w || strings.HasPrefix(n, w+" ") {
			return true
		}
	}
	return false
}

func (sharesImport) plan(tx *ledger.Tx, p *Plan) error {
	sh := p.sh
	if p.HeaderRow == 0 {
		p.failSheet("la grille des tantièmes a besoin d'une ligne d'en-têtes : le code de chaque clé en tête de sa colonne")
		return nil
	}
	lotCol := p.Mapping[fLot]
	if lotCol == 0 {
		return nil // reported by setupColumns
	}
	keys, err := tx.KeyTotals()
	if err != nil {
		return err
	}
	existing := map[string]ledger.KeyTotal{}
	var codes []string
	for _, k := range keys {
		existing[k.Code] = k
		codes = append(codes, k.Code)
	}
	lots, err := tx.Lots()
	if err != nil {
		return err
	}
	var lotNumbers []string
	lotExists := map[string]bool{}
	for _, l := range lots {
		lotNumbers = append(lotNumbers, l.Number)
		lotExists[l.Number] = true
	}

	// Key columns.
	d := &sharesData{}
	byCode := map[string]*gridKey{}
	var ignored []string
	for _, c := range p.Columns {
		if c.Number == lotCol {
			continue
		}
		if c.Header == "" {
			if columnHasData(p, c.Number) {
				p.add(&Problem{Row: p.HeaderRow, Col: c.Number, Msg: "colonne sans en-tête : écrivez en tête le code de la clé (par exemple « 002 - Ascenseur »)"})
			}
			continue
		}
		if isNonKeyHeader(c.Header) {
			ignored = append(ignored, c.Letter+" (« "+c.Header+" »)")
			continue
		}
		m := keyHeader.FindStringSubmatch(c.Header)
		if m == nil {
			p.add(&Problem{Row: p.HeaderRow, Col: c.Number, Msg: fmt.Sprintf("« %s » n'est pas un en-tête de clé : écrivez le code de la clé (1 à 3 caractères), suivi s'il le faut de « - libellé » (par exemple « 002 - Ascenseur »)", c.Header)})
			continue
		}
		gk := &gridKey{col: c.Number, written: m[1], label: strings.TrimSpace(m[2] + m[3]), shares: map[string]decimal.Decimal{}}
		if _, problem := textProblem(gk.label, ledger.NameText); problem != "" {
			p.add(&Problem{Row: p.HeaderRow, Col: c.Number, Field: "libellé de la clé", Msg: problem})
			continue
		}
		switch code, ok := matchKeyCode(m[1], existing, codes); {
		case ok:
			gk.code = code
			if code != m[1] {
				p.note("L'en-tête « %s » (colonne %s) désigne la clé %s « %s »", c.Header, c.Letter, code, existing[code].Label)
			}
		default:
			gk.code, gk.create = m[1], true
			if sheet.AllDigits(m[1]) && len(m[1]) < 3 {
				gk.code = strings.Repeat("0", 3-len(m[1])) + m[1]
				p.note("L'en-tête « %s » (colonne %s) crée la clé %s (code complété à 3 chiffres)", c.Header, c.Letter, gk.code)
			}
			if gk.label == "" {
				gk.label = "Clé " + gk.code
			}
		}
		if other, dup := byCode[gk.code]; dup {
			p.add(&Problem{Row: p.HeaderRow, Col: c.Number, Msg: fmt.Sprintf("la clé %s a déjà sa colonne (%s)", gk.code, sheet.ColumnLetter(other.col))})
			continue
		}
		byCode[gk.code] = gk
		d.keys = append(d.keys, gk)
	}
	if len(ignored) > 0 {
		p.note("Colonnes ignorées (ce ne sont pas des clés) : %s", strings.Join(ignored, ", "))
	}
	// Each key column becomes a field of the plan, so that the preview
	// shows the shares as they will be written.
	for _, k := range d.keys {
		f := Field{Name: "key:" + k.code, Label: "Clé " + k.code, Position: k.col}
		p.fieldIdx[f.Name] = len(p.Fields)
		p.Fields = append(p.Fields, f)
		p.Mapping[f.Name] = k.col
	}
	if len(d.keys) == 0 {
		p.failSheet("aucune colonne de clé : la première ligne de la grille porte le code de chaque clé (par exemple « 001 » ou « 002 - Ascenseur »)")
		return nil
	}

	// Lot rows. A row whose lot is unknown, or a cell that does not read,
	// leaves the sums unknown: a total row is then not compared with them.
	badLot := false
	badKey := map[int]bool{}
	lotRow := map[string]int{}
	var aliases []string
	p.walk(func(rc *rowCtx) {
		written := rc.code(fLot)
		lot := written
		if !lotExists[lot] {
			if m := numericMatch(lot, lotNumbers); m != "" {
				lot = m
				aliases = append(aliases, fmt.Sprintf("« %s » → %s", written, m))
			} else if same := numericMatches(lot, lotNumbers); len(same) > 1 {
				rc.fail(fLot, "le lot « %s » n'existe pas et les lots %s portent ce numéro : écrivez le numéro exact", written, strings.Join(same, " et "))
				badLot = true
				return
			} else {
				rc.fail(fLot, "le lot « %s » n'existe pas dans la résidence (importez d'abord les copropriétaires et leurs lots)", written)
				badLot = true
				return
			}
		}
		rc.set(fLot, lot)
		if r, dup := lotRow[lot]; dup {
			rc.fail(fLot, "le lot %s figure déjà ligne %d", lot, r)
			badLot = true
			return
		}
		lotRow[lot] = rc.row
		for _, k := range d.keys {
			c := sh.Cell(rc.row, k.col)
			if c.Kind == sheet.CellEmpty && c.Formula {
				rc.failAt(k.col, "clé "+k.code, "la formule de cette cellule n'a pas de valeur calculée : ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le")
				badKey[k.col] = true
				continue
			}
			v, _, msg := sheet.ReadDecimal(c)
			switch {
			case msg != "":
				rc.failAt(k.col, "clé "+k.code, msg)
				badKey[k.col] = true
			case v.IsNegative():
				rc.failAt(k.col, "clé "+k.code, "les tantièmes ne peuvent pas être négatifs")
				badKey[k.col] = true
			default:
				k.shares[lot] = v
				k.total = k.total.Add(v)
				if !v.IsZero() {
					rc.set("key:"+k.code, strings.Replace(v.String(), ".", ",", 1))
				}
			}
		}
	})
	if len(aliases) > 0 {
		list := aliases
		if len(list) > 10 {
			list = append(list[:10:10], fmt.Sprintf("et %d autres", len(aliases)-10))
		}
		p.note("Numéros de lot lus sans leurs zéros et rapprochés des lots de la résidence : %s", strings.Join(list, ", "))
	}

	// Totals: a total row must agree with the sums (once every lot row
	// reads); declared totals follow them.
	for _, r := range p.totals {
		if badLot {
			break
		}
		for _, k := range d.keys {
			if badKey[k.col] {
				continue
			}
			v, empty, msg := sheet.ReadDecimal(sh.Cell(r, k.col))
			if empty || msg != "" {
				continue
			}
			if !v.Equal(k.total) {
				p.add(&Problem{Row: r, Col: k.col, Field: "clé " + k.code,
					Msg: fmt.Sprintf("la ligne de total indique %s pour la clé %s, mais la somme des tantièmes des lots est %s", v, k.code, k.total)})
			}
		}
	}
	all, err := tx.Shares()
	if err != nil {
		return err
	}
	for _, s := range all {
		if k := byCode[s.Key]; k != nil {
			if _, inGrid := k.shares[s.Lot]; !inGrid {
				k.removed = append(k.removed, s.Lot)
			}
		}
	}
	for _, k := range d.keys {
		for _, v := range k.shares {
			if v.IsPositive() {
				p.Report.Shares++
			}
		}
		if k.create {
			p.Report.Keys++
			p.note("Clé %s « %s » créée, total %s", k.code, k.label, k.total)
			continue
		}
		k.oldTot = existing[k.code].DeclaredTotal
		if !k.oldTot.Equal(k.total) {
			p.Report.KeysUpdated++
			p.note("Clé %s « %s » : total déclaré %s → %s", k.code, existing[k.code].Label, k.oldTot, k.total)
		}
		if len(k.removed) > 0 {
			ledger.SortLots(k.removed)
			if len(k.removed) == 1 {
				p.warnSheet("le lot %s, absent de la grille, perd ses tantièmes de la clé %s", k.removed[0], k.code)
			} else {
				p.warnSheet("les lots %s, absents de la grille, perdent leurs tantièmes de la clé %s", strings.Join(k.removed, ", "), k.code)
			}
		}
	}
	if len(lotRow) == 0 && !p.Blocking() {
		p.failSheet("aucune ligne de lot dans la grille")
	}
	p.data = d
	return nil
}

// matchKeyCode finds the key a header code names: exactly, or by its number
// when only one key has it (the number 2 for key 002).
func matchKeyCode(code string, existing map[string]ledger.KeyTotal, codes []string) (string, bool) {
	if _, ok := existing[code]; ok {
		return code, true
	}
	if m := numericMatch(code, codes); m != "" {
		return m, true
	}
	return "", false
}

func columnHasData(p *Plan, col int) bool {
	for r := p.HeaderRow + 1; r <= p.sh.RowCount(); r++ {
		if !p.sh.Cell(r, col).IsEmpty() {
			return true
		}
	}
	return false
}

// failAt records a blocking problem at a column that is not a field.
func (rc *rowCtx) failAt(col int, label, msg string) {
	e := &Problem{Row: rc.row, Col: col, Field: label, Msg: msg}
	rc.p.add(e)
	rc.pr.Problems = append(rc.pr.Problems, e)
}

func (sharesImport) apply(tx *ledger.Tx, p *Plan) error {
	d := p.data.(*sharesData)
	for _, k := range d.keys {
		if k.create {
			if err := tx.AddKey(ledger.Key{Code: k.code, Label: k.label}); err != nil {
				return err
			}
		}
		for _, lot := range k.removed {
			if err := tx.SetShare(lot, k.code, decimal.Zero); err != nil {
				return err
			}
		}
		lots := make([]string, 0, len(k.shares))
		for lot := range k.shares {
			lots = append(lots, lot)
		}
		sort.Strings(lots)
		for _, lot := range lots {
			if err := tx.SetShare(lot, k.code, k.shares[lot]); err != nil {
				return err
			}
		}
		if k.create || !k.oldTot.Equal(k.total) {
			keys, err := tx.Keys()
			if err != nil {
				return err
			}
			for _, kk := range keys {
				if kk.Code == k.code {
					kk.DeclaredTotal = k.total
					if err := tx.UpdateKey(kk); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}
