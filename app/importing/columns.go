package importing

import (
	"strings"

	"tantieme/ledger"
	"tantieme/sheet"
)

// fixedOrder says whether the kind's columns have a documented order that
// holds when headers are missing or not recognised.
func (p *Plan) fixedOrder() bool {
	return p.Kind == Balance || p.Kind == Entries || p.Kind == Budget || p.Kind == Shares
}

// setupColumns finds the header row, lists the columns and maps the fields.
func (p *Plan) setupColumns() error {
	sh, opts := p.sh, p.opts
	switch {
	case opts.HeaderRow > 0:
		if opts.HeaderRow > sh.RowCount() {
			return ledger.Errorf(ledger.Invalid, "%s : la ligne d'en-têtes %d est après la fin des données (ligne %d)", p.where(), opts.HeaderRow, sh.RowCount())
		}
		p.HeaderRow = opts.HeaderRow
	case opts.HeaderRow == NoHeader:
	case opts.HeaderRow < 0:
		return ledger.Errorf(ledger.Invalid, "Ligne d'en-têtes %d invalide", opts.HeaderRow)
	default:
		if d, ok := p.imp.(interface{ detectHeader(*Plan) int }); ok {
			p.HeaderRow = d.detectHeader(p)
		} else {
			p.HeaderRow = p.detectHeader()
		}
	}
	ncol := sh.ColCount()
	for _, f := range p.Fields {
		ncol = max(ncol, f.Position)
	}
	norms := make([]string, ncol)
	for c := 1; c <= ncol; c++ {
		col := Column{Number: c, Letter: sheet.ColumnLetter(c)}
		if p.HeaderRow > 0 {
			col.Header = sheet.CleanText(sh.Shown(p.HeaderRow, c).Text())
			norms[c-1] = normHeaderCell(col.Header)
		}
		p.Columns = append(p.Columns, col)
	}
	p.Mapping = map[string]int{}
	for _, f := range p.Fields {
		p.Mapping[f.Name] = 0
	}
	if p.HeaderRow > 0 {
		for name, c := range mapHeaders(p.Fields, norms) {
			p.Mapping[name] = c
		}
		if p.fixedOrder() {
			// A required field whose header was not recognised is read from
			// its documented place when that column is free and its header
			// names nothing else; the plan says so.
			used := map[int]bool{}
			for _, c := range p.Mapping {
				used[c] = true
			}
			for _, f := range p.Fields {
				if !f.Required || p.Mapping[f.Name] != 0 || f.Position == 0 || used[f.Position] || f.Position > sh.ColCount() {
					continue
				}
				if h := norms[f.Position-1]; h != "" && anyFieldMatches(p.Fields, h) {
					continue
				}
				p.Mapping[f.Name] = f.Position
				used[f.Position] = true
				if h := p.Columns[f.Position-1].Header; h != "" {
					p.warnSheet("la colonne %s (« %s ») est lue comme « %s » d'après sa place", sheet.ColumnLetter(f.Position), h, f.Label)
				} else {
					p.warnSheet("la colonne %s, sans en-tête, est lue comme « %s » d'après sa place", sheet.ColumnLetter(f.Position), f.Label)
				}
			}
		}
	} else {
		for _, f := range p.Fields {
			p.Mapping[f.Name] = f.Position
		}
	}
	for name, spec := range opts.Mapping {
		if _, ok := p.fieldIdx[name]; !ok {
			names := make([]string, len(p.Fields))
			for i, f := range p.Fields {
				names[i] = f.Name
			}
			return ledger.Errorf(ledger.Invalid, "Champ « %s » inconnu pour l'import %s (champs : %s)", name, p.Kind, strings.Join(names, ", "))
		}
		spec = strings.TrimSpace(spec)
		if spec == "" || spec == "-" {
			p.Mapping[name] = 0
			continue
		}
		c := p.resolveColumn(spec)
		if c == 0 {
			return ledger.Errorf(ledger.Invalid, "%s : colonne « %s » introuvable pour le champ %s (ni un en-tête de la feuille, ni une lettre de colonne)", p.where(), spec, name)
		}
		p.Mapping[name] = c
	}
	byCol := map[int]string{}
	for _, f := range p.Fields {
		c := p.Mapping[f.Name]
		if c == 0 {
			if f.Required {
				p.failSheet("aucune colonne n'a été reconnue pour le champ « %s » (%s) : associez-lui la colonne qui le contient", f.Label, f.Name)
			}
			continue
		}
		if other, dup := byCol[c]; dup {
			p.failSheet("la colonne %s est associée à deux champs, « %s » et « %s »", sheet.ColumnLetter(c), p.label(other), f.Label)
		}
		byCol[c] = f.Name
	}
	return nil
}

func anyFieldMatches(fields []Field, h string) bool {
	for _, f := range fields {
		if matchTier(f, h) > 0 {
			return true
		}
	}
	return false
}

// mapHeaders maps fields to columns from normalised headers: every exact
// match first, then matches without small words, then by first words; a
// column serves one field, the leftmost wins.
func mapHeaders(fields []Field, headers []string) map[string]int {
	out := map[string]int{}
	taken := map[int]bool{}
	for tier := 1; tier <= 3; tier++ {
		for _, f := range fields {
			if _, done := out[f.Name]; done {
				continue
			}
			for i, h := range headers {
				if !taken[i+1] && matchTier(f, h) == tier {
					out[f.Name] = i + 1
					taken[i+1] = true
					break
				}
			}
		}
	}
	return out
}

// detectHeader finds the header row among the first rows: the one naming
// the most fields (at least two, or the only one a kind has). Titles above
// it ("Liste des copropriétaires") are then skipped. Without such a row,
// kinds with a documented column order read from the first row, unless its
// amount columns hold words (headers, then); the others take their first
// row as headers (NoHeader says otherwise).
func (p *Plan) detectHeader() int {
	need := min(2, len(p.Fields))
	best, bestScore := 0, 0
	for r := 1; r <= min(20, p.sh.RowCount()); r++ {
		var norms []string
		for c := 1; c <= len(p.sh.Row(r)); c++ {
			norms = append(norms, normHeaderCell(p.sh.Shown(r, c).Text()))
		}
		if s := len(mapHeaders(p.Fields, norms)); s > bestScore {
			best, bestScore = r, s
		}
	}
	if bestScore >= need {
		return best
	}
	if !p.fixedOrder() {
		// Without a documented order to fall back on, a file whose headers
		// name one field or none still has its headers on top: the
		// unrecognised fields are then reported, never read from a guess.
		if bestScore > 0 {
			return best
		}
		for r := 1; r <= p.sh.RowCount(); r++ {
			if !p.rowEmpty(r) {
				return r
			}
		}
		return 0
	}
	{
		first := 0
		for r := 1; r <= p.sh.RowCount(); r++ {
			if !p.rowEmpty(r) {
				first = r
				break
			}
		}
		if first == 0 {
			return 0
		}
		words := 0
		for _, f := range p.Fields {
			if f.Name != fDebit && f.Name != fCredit && f.Name != fAmount || f.Position == 0 {
				continue
			}
			c := p.sh.Cell(first, f.Position)
			if c.IsEmpty() {
				continue
			}
			if _, _, msg := sheet.ReadAmount(c); msg == "" {
				return 0
			}
			words++
		}
		if words > 0 {
			return first
		}
	}
	return 0
}

func (p *Plan) resolveColumn(spec string) int {
	if p.HeaderRow > 0 {
		n := sheet.NormHeader(spec)
		for _, c := range p.Columns {
			if n != "" && sheet.NormHeader(c.Header) == n {
				return c.Number
			}
		}
	}
	if c := sheet.ColumnOfLetter(spec); c > 0 {
		return c
	}
	return 0
}
