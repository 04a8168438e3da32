package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

func init() {
	commands["pay"] = command{
		usage: "pay FICHIER --owner COMPTE --amount MONTANT --date AAAA-MM-JJ [--cheque NUMÉRO] [--mode chèque|virement|espèces|autre] [--drawer NOM] [--drawer-bank BANQUE] [--bank 512xxx]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var a payArgs
			fs.StringVar(&a.owner, "owner", "", "compte du copropriétaire (450xxx)")
			fs.StringVar(&a.amount, "amount", "", "montant reçu")
			fs.StringVar(&a.date, "date", "", "date de réception")
			fs.StringVar(&a.cheque, "cheque", "", "numéro du chèque (le mode est alors « chèque »)")
			fs.StringVar(&a.mode, "mode", "", "chèque, virement, espèces ou autre (par défaut chèque avec --cheque, virement sinon)")
			fs.StringVar(&a.drawer, "drawer", "", "tireur du chèque (par défaut le copropriétaire)")
			fs.StringVar(&a.drawerBank, "drawer-bank", "", "banque du tireur (par défaut celle de sa fiche)")
			fs.StringVar(&a.bank, "bank", "", "compte bancaire crédité (par défaut le réglage de la résidence)")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				switch {
				case a.owner == "":
					return usagef("--owner est obligatoire")
				case a.amount == "":
					return usagef("--amount est obligatoire")
				case a.date == "":
					return usagef("--date est obligatoire")
				}
				return pay(pos[0], a, out)
			}
		},
	}
	commands["deposit"] = command{
		usage: "deposit FICHIER --list [--bank 512xxx] | deposit FICHIER --date AAAA-MM-JJ (--all | --cheques PIÈCE,PIÈCE…) [--kind chèque|prélèvement|autre] [--bank 512xxx] [--pdf CHEMIN]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			list := fs.Bool("list", false, "liste les chèques à remettre en banque")
			date := fs.String("date", "", "date de la remise")
			all := fs.Bool("all", false, "remet tous les règlements du type en attente reçus au plus tard ce jour (chèques : et les chèques remis d'avance datés au plus tard ce jour)")
			kind := fs.String("kind", "", "type de remise : chèque (par défaut), autre (les règlements en espèces ou « autre ») ou prélèvement")
			cheques := fs.String("cheques", "", "pièces des règlements à remettre, séparées par des virgules")
			bank := fs.String("bank", "", "compte bancaire de la remise (par défaut le réglage de la résidence)")
			pdf := fs.String("pdf", "", "écrit le bordereau de remise dans ce fichier PDF")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *list {
					if *date != "" || *all || *cheques != "" || *pdf != "" || *kind != "" {
						return usagef("--list ne se combine qu'avec --bank")
					}
					return listPendingCheques(pos[0], *bank, out)
				}
				switch {
				case *date == "":
					return usagef("--date est obligatoire")
				case *all == (*cheques != ""):
					return usagef("indiquez --all ou --cheques")
				}
				return deposit(pos[0], depositArgs{date: *date, all: *all, cheques: *cheques, bank: *bank, pdf: *pdf, kind: *kind}, out)
			}
		},
	}
}

type payArgs struct {
	owner, amount, date, cheque, mode, drawer, drawerBank, bank string
}

func pay(file string, a payArgs, out io.Writer) error {
	amount, err := ledger.ParseAmount(a.amount)
	if err != nil {
		return err
	}
	date, err := ledger.ParseDate(a.date)
	if err != nil {
		return err
	}
	var mode ledger.PaymentMode // "": app decides (ledger.ReceiptMode)
	if a.mode != "" {
		if mode, err = ledger.ParsePaymentMode(a.mode); err != nil {
			return err
		}
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	res, err := r.Receive(app.ReceiptInput{Owner: strings.TrimSpace(a.owner), Amount: amount, Date: date, Mode: mode,
		Cheque: a.cheque, Drawer: a.drawer, DrawerBank: a.drawerBank, BankAccount: strings.TrimSpace(a.bank)})
	if err != nil {
		return err
	}
	rc := res.Receipt
	o := res.Owner.DisplayName()
	how := "par " + rc.Mode.Label()
	switch rc.Mode {
	case ledger.ByCash:
		how = "en espèces"
	case ledger.ByOther:
		how = "(autre mode de paiement)"
	}
	if rc.Cheque != "" {
		how += " n° " + rc.Cheque
	}
	where := "au débit de " + rc.Account
	if rc.ViaCheques() {
		where += " (chèques à encaisser, jusqu'à la remise sur " + rc.BankAccount + ")"
	}
	fmt.Fprintf(out, "Règlement %s du %s enregistré : %s de %s (%s) %s, %s.\n", rc.Piece, ledger.FrenchDate(rc.Date), rc.Amount, o, rc.Owner, how, where)
	for _, g := range res.Settled {
		fmt.Fprintf(out, "Lettrage %s : %s.\n", g.Letter, app.SettledText(g))
	}
	if len(res.Settled) == 0 {
		fmt.Fprintln(out, "Aucun appel n'est soldé entièrement : le règlement reste à lettrer.")
	}
	fmt.Fprintf(out, "Solde de %s au %s : %s.\n", o, ledger.FrenchDate(rc.Date), balanceFR(res.Balance))
	return nil
}

// balanceFR says an owner's balance the owner's way.
func balanceFR(b ledger.Amount) string {
	switch {
	case b > 0:
		return b.String() + " à payer"
	case b < 0:
		return (-b).String() + " d'avance"
	}
	return "0,00 € (à jour)"
}

func listPendingCheques(file, bank string, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := r.PendingCheques(strings.TrimSpace(bank))
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(out, "Aucun chèque en attente de remise en banque.")
		return nil
	}
	t := newTable([]string{"Pièce", "Reçu le", "Copropriétaire", "Tireur", "Banque", "N° de chèque", "Compte", "Montant"}, 7)
	var total ledger.Amount
	for _, c := range list {
		t.add(c.Piece, ledger.FrenchDate(c.Date), c.OwnerName, c.Drawer, c.DrawerBank, c.Cheque, c.BankAccount, c.Amount.String())
		total += c.Amount
	}
	t.add("", "", "Total : "+nounFR(len(list), "chèque", "chèques"), "", "", "", "", total.String())
	return t.write(out)
}

type depositArgs struct {
	date, cheques, bank, pdf, kind string
	all                            bool
}

func deposit(file string, a depositArgs, out io.Writer) error {
	date, err := ledger.ParseDate(a.date)
	if err != nil {
		return err
	}
	kind, err := ledger.ParseDepositKind(strings.ToLower(strings.TrimSpace(a.kind)))
	if err != nil {
		return err
	}
	if a.pdf != "" {
		// The slip is written after the deposit: make sure it can be,
		// so that a bad path leaves the books untouched.
		if err := checkPDFPath(a.pdf); err != nil {
			return err
		}
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	bank := strings.TrimSpace(a.bank)
	if bank == "" {
		if bank, _, err = r.DefaultBanks(); err != nil {
			return err
		}
	}
	// The kind decides what waits: cheques, or the cash and « autre »
	// receipts (ledger.DepositKind.Takes).
	pending, err := r.PendingReceipts(bank, kind)
	if err != nil {
		return err
	}
	noun := kind.Noun()
	var ids []int64
	var expected []app.ExpectedPick
	if a.all {
		for _, c := range pending {
			if !c.Date.After(date) {
				ids = append(ids, c.EntryID)
			}
		}
		if kind.Takes(ledger.ByCheque) {
			due, err := r.ChequesDue(date)
			if err != nil {
				return err
			}
			for _, c := range due {
				expected = append(expected, app.ExpectedPick{ID: c.ID})
			}
		}
		if len(ids)+len(expected) == 0 && kind != ledger.DepositDebits {
			return ledger.Errorf(ledger.NotFound, "Aucun %s reçu au plus tard le %s n'attend sa remise sur le compte %s", what(kind), ledger.FrenchDate(date), bank)
		}
	} else {
		byPiece := map[string]int64{}
		for _, c := range pending {
			byPiece[strings.ToUpper(c.Piece)] = c.EntryID
		}
		for _, p := range strings.Split(a.cheques, ",") {
			p = strings.ToUpper(strings.TrimSpace(p))
			if p == "" {
				continue
			}
			id, ok := byPiece[p]
			if !ok {
				return ledger.Errorf(ledger.NotFound, "Le règlement %s n'est pas un %s en attente de remise sur le compte %s (voir deposit --list)", p, what(kind), bank)
			}
			ids = append(ids, id)
		}
	}
	d, err := r.Deposit(app.DepositInput{Cheques: ids, Date: date, BankAccount: bank, Kind: kind, Expected: expected})
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("Remise n° %d du %s sur %s : %s, %s", d.ID, ledger.FrenchDate(d.Date), d.BankAccount, nounFR(d.Count, noun, noun+"s"), d.Total)
	if d.EntryID != 0 {
		msg += " (virés de 511 à la banque)"
	}
	if a.pdf != "" {
		if err := r.WriteDepositSlip(a.pdf, d, ledger.Now()); err != nil {
			return ledger.Wrap(ledger.KindOf(err), err, "La remise n° %d est enregistrée, mais son bordereau n'a pas pu être écrit (%s) ; imprimez-le avec report deposit-slip", d.ID, ledger.Message(err))
		}
		msg += " — bordereau dans " + a.pdf
	}
	fmt.Fprintln(out, msg+".")
	return nil
}

// what names what a slip of kind takes, in a message.
func what(kind ledger.DepositKind) string {
	if kind == ledger.DepositOther {
		return "règlement en espèces ou « autre »"
	}
	return kind.Noun()
}

func checkPDFPath(path string) error {
	if err := ledger.CheckOutput(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	probe, err := os.CreateTemp(dir, ".tantieme-*")
	if err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » n'accepte pas de fichiers", dir)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

func nounFR(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// reportDepositSlip writes the deposit slips of exercise --year (those of
// the day --at only, when given) into the PDF file --out. It is the
// `report FILE deposit-slip` kind: cmd_report.go registers it in
// reportKinds.
func reportDepositSlip(file string, a reportArgs, out io.Writer) error {
	var day time.Time
	if a.at != "" {
		var err error
		if day, err = ledger.ParseDate(a.at); err != nil {
			return err
		}
	}
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	from, to := day, day
	what := "le " + ledger.FrenchDate(day)
	if day.IsZero() {
		ex, err := r.ExerciseOfYear(a.year)
		if err != nil {
			return err
		}
		from, to, what = ex.Start, ex.End, "en "+ex.Name()
	}
	list, err := r.Deposits("", from, to)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return ledger.Errorf(ledger.NotFound, "Aucune remise de chèques en banque %s", what)
	}
	ids := make([]int64, len(list))
	var total ledger.Amount
	cheques := 0
	for i, d := range list {
		ids[i] = d.ID
		total += d.Total
		cheques += d.Count
	}
	pdf, err := r.DepositSlipsPDF(ids, ledger.Now())
	if err != nil {
		return err
	}
	if err := ledger.WriteOutputBytes(a.out, pdf); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s (%s, %s) — dans %s.\n", nounFR(len(list), "bordereau de remise", "bordereaux de remise"),
		nounFR(cheques, "chèque", "chèques"), total, a.out)
	return nil
}
