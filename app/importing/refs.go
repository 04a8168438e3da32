package importing

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sheet"
)

// importRefs is what the residence already holds, as the plans check rows
// against it, plus the accounts the import will add.
type importRefs struct {
	accounts map[string]string // code → label
	// recoverable is each charge account's default « R » share, given to
	// the imported lines on it (migration 019).
	recoverable map[string]int
	keys        map[string]ledger.Key
	keyCodes    []string
	journals    map[string]bool
	journalCs   []string
	owners      map[string]string // account → name
	exercises   []ledger.Exercise

	newAccounts  map[string]string // code → label, accounts to create
	newOrder     []string
	pending      string // account of the row being read, not in the chart
	pendingLabel string
	keyAliases   map[string]string // a key code read as an existing one ("1" → "001")
	general      string            // the residence's general key, for rows without one
}

func loadImportRefs(tx *ledger.Tx) (*importRefs, error) {
	rf := &importRefs{accounts: map[string]string{}, keys: map[string]ledger.Key{}, journals: map[string]bool{},
		owners: map[string]string{}, newAccounts: map[string]string{}, keyAliases: map[string]string{}}
	accounts, err := tx.Accounts()
	if err != nil {
		return nil, err
	}
	rf.recoverable = map[string]int{}
	for _, a := range accounts {
		rf.accounts[a.Code] = a.Label
		rf.recoverable[a.Code] = a.Recoverable
	}
	keys, err := tx.Keys()
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		rf.keys[k.Code] = k
		rf.keyCodes = append(rf.keyCodes, k.Code)
	}
	if rf.general, err = tx.GeneralKeyCode(); err != nil {
		return nil, err
	}
	journals, err := tx.Journals()
	if err != nil {
		return nil, err
	}
	for _, j := range journals {
		rf.journals[j.Code] = true
		rf.journalCs = append(rf.journalCs, j.Code)
	}
	owners, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	for _, o := range owners {
		rf.owners[o.Account] = o.Name
	}
	if rf.exercises, err = tx.Exercises(); err != nil {
		return nil, err
	}
	return rf, nil
}

// normAccount applies Val Compta's rule to an account number: spaces,
// accents and other signs removed, capital letters, padded with zeros or
// cut to 6 characters. cut says that the cut dropped more than zeros.
func normAccount(raw string) (code string, cut bool, msg string) {
	s := strings.ToUpper(fr.Fold(raw))
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	code = b.String()
	if code == "" {
		return "", false, "« " + raw + " » n'est pas un numéro de compte"
	}
	if !strings.ContainsRune("14567", rune(code[0])) {
		return "", false, "le compte « " + raw + " » n'appartient pas aux classes 1, 4, 5, 6 et 7 du plan comptable des copropriétés"
	}
	if len(code) > 6 {
		cut = strings.Trim(code[6:], "0") != ""
		code = code[:6]
	}
	code = ledger.PadAccount(code)
	if err := ledger.CheckAccountCode(code); err != nil {
		return "", false, ledger.Message(err)
	}
	return code, cut, ""
}

// chartLabel is the label of the nearest account of the official chart
// above code (601100 → "Eau"), for accounts created without a label.
func chartLabel(code string) string {
	if ledger.InOwnersRange(code) {
		return "Copropriétaire " + code
	}
	best, label := 0, ""
	for _, c := range ledger.OfficialChart() {
		if strings.HasPrefix(code, c.Number) && len(c.Number) > best {
			best, label = len(c.Number), c.Label
		}
	}
	if label == "" {
		return "Compte " + code
	}
	return label
}

// account reads the account field of a row: normalised and checked. When
// the chart lacks it, it is created with the label of labelField (or the
// official chart's) if the row is kept (see keep).
func (rf *importRefs) account(rc *rowCtx, labelField string) (string, bool) {
	rf.pending = ""
	raw := rc.code(fAccount)
	label := ""
	if labelField != "" {
		label = rc.text(labelField)
	}
	if raw == "" {
		rc.fail(fAccount, "le numéro de compte est obligatoire")
		return "", false
	}
	code, cut, msg := normAccount(raw)
	if msg != "" {
		rc.fail(fAccount, "%s", msg)
		return "", false
	}
	if cut {
		rc.warn(fAccount, "« %s » a plus de 6 caractères : il est lu comme le compte %s", raw, code)
	}
	rc.set(fAccount, code)
	if existing, ok := rf.accounts[code]; ok {
		if labelField != "" {
			rc.set(labelField, existing)
		}
		return code, true
	}
	if planned, ok := rf.newAccounts[code]; ok {
		label = planned
	} else if label == "" {
		label = chartLabel(code)
	}
	rf.pending, rf.pendingLabel = code, label
	if labelField != "" {
		rc.set(labelField, label)
	}
	return code, true
}

// keep confirms the account read last: its row is imported, so the account
// is created (a skipped row creates nothing).
func (rf *importRefs) keep() {
	if rf.pending == "" {
		return
	}
	if _, ok := rf.newAccounts[rf.pending]; !ok {
		rf.newAccounts[rf.pending] = rf.pendingLabel
		rf.newOrder = append(rf.newOrder, rf.pending)
	}
	rf.pending = ""
}

// findKey matches a key code as written against the residence's keys:
// exactly, else numerically when one key only has that number ("1" or the
// number 1 for key 001, whose zeros a spreadsheet dropped).
func (rf *importRefs) findKey(code string) (string, bool) {
	if _, ok := rf.keys[code]; ok {
		return code, true
	}
	if alias, ok := rf.keyAliases[code]; ok {
		return alias, true
	}
	if m := numericMatch(code, rf.keyCodes); m != "" {
		rf.keyAliases[code] = m
		return m, true
	}
	return "", false
}

// numericMatch returns the only candidate with the same number as code
// ("1" and "001"), or "".
func numericMatch(code string, candidates []string) string {
	if m := numericMatches(code, candidates); len(m) == 1 {
		return m[0]
	}
	return ""
}

// numericMatches lists the candidates with the same number as code.
func numericMatches(code string, candidates []string) []string {
	n, ok := codeNumber(code)
	if !ok {
		return nil
	}
	var found []string
	for _, c := range candidates {
		if m, ok := codeNumber(c); ok && m == n {
			found = append(found, c)
		}
	}
	return found
}

func codeNumber(s string) (uint64, bool) {
	if !sheet.AllDigits(s) || len(s) > 18 {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return n, err == nil
}

// key reads the key field of a row: an existing key; empty on a charge or
// income account, the general key (defaulted counts those).
func (rf *importRefs) key(rc *rowCtx, account string, defaulted *int) (string, bool) {
	code := rc.code(fKey)
	if code == "" {
		if c := ledger.AccountClass(account); c == 6 || c == 7 {
			if _, ok := rf.keys[rf.general]; !ok {
				rc.fail(fKey, "la charge ou le produit %s n'a pas de clé et la clé générale %s n'existe pas", account, rf.general)
				return "", false
			}
			*defaulted++
			rc.set(fKey, rf.general)
			return rf.general, true
		}
		return "", true
	}
	k, ok := rf.findKey(code)
	if !ok {
		rc.fail(fKey, "la clé « %s » n'existe pas (clés de la résidence : %s)", code, strings.Join(rf.keyCodes, ", "))
		return "", false
	}
	rc.set(fKey, k)
	return k, true
}

// keyAliasNote says which key codes were read as others.
func (rf *importRefs) keyAliasNote(p *Plan) {
	var list []string
	for from, to := range rf.keyAliases {
		list = append(list, fmt.Sprintf("« %s » → %s", from, to))
	}
	if len(list) > 0 {
		sort.Strings(list)
		p.note("Codes de clé lus sans leurs zéros et rapprochés des clés existantes : %s", strings.Join(list, ", "))
	}
}

// exerciseAt returns the exercise holding day d.
func (rf *importRefs) exerciseAt(d time.Time) (ledger.Exercise, bool) {
	for _, e := range rf.exercises {
		if e.Contains(d) {
			return e, true
		}
	}
	return ledger.Exercise{}, false
}

// span describes the exercises for messages: "du 01/01/2025 au 31/12/2027".
func (rf *importRefs) span() string {
	if len(rf.exercises) == 0 {
		return "la résidence n'a aucun exercice"
	}
	return "exercices du " + ledger.FrenchDate(rf.exercises[0].Start) + " au " + ledger.FrenchDate(rf.exercises[len(rf.exercises)-1].End)
}

// checkDate reports a date outside the exercises or in a closed one.
func (rf *importRefs) checkDate(rc *rowCtx, d time.Time) bool {
	e, ok := rf.exerciseAt(d)
	if !ok {
		rc.fail(fDate, "le %s n'appartient à aucun exercice de la résidence (%s)", ledger.FrenchDate(d), rf.span())
		return false
	}
	if e.Closed {
		rc.fail(fDate, "l'exercice %s est clos : aucune écriture ne peut y être ajoutée", e.Name())
		return false
	}
	return true
}

// noteNewAccounts lists the accounts to create in the report.
func (rf *importRefs) noteNewAccounts(p *Plan) {
	p.Report.Accounts = len(rf.newOrder)
	if len(rf.newOrder) == 0 {
		return
	}
	var list []string
	for i, c := range rf.newOrder {
		if i == 10 {
			list = append(list, fmt.Sprintf("et %d autres", len(rf.newOrder)-10))
			break
		}
		list = append(list, c+" « "+rf.newAccounts[c]+" »")
	}
	p.note("Comptes ajoutés au plan comptable : %s", strings.Join(list, ", "))
	var orphans []string
	for _, c := range rf.newOrder {
		if ledger.InOwnersRange(c) {
			orphans = append(orphans, c)
		}
	}
	if len(orphans) > 0 {
		p.warnSheet("les comptes %s ne sont ceux d'aucun copropriétaire : importez d'abord les copropriétaires si ce sont les leurs", strings.Join(orphans, ", "))
	}
}

// createAccounts adds the planned accounts to the chart.
func (rf *importRefs) createAccounts(tx *ledger.Tx) error {
	for _, c := range rf.newOrder {
		if err := tx.AddAccount(ledger.Account{Code: c, Label: rf.newAccounts[c]}); err != nil {
			return err
		}
	}
	return nil
}
