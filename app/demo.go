package app

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// DemoName is the name of the demo residence, for its file name.
const DemoName = "Résidence Les Tilleuls"

// WriteDemo creates file (which must not exist: a Conflict error otherwise,
// the file left untouched) holding the demo residence, and returns it open.
//
// « Résidence Les Tilleuls », 14 rue des Tilleuls, 69003 Lyon, is invented:
// two buildings (A with a lift, B without), 22 lots (a shop, 12 flats,
// 5 cellars, 4 parkings) held by 12 owners, plus the buyer of flat 5 and
// cellar 16 sold on 15/06/2025; four keys (001 charges générales 1 000,
// 002 ascenseur 500, 003 bâtiment B 1 000, 004 eau froide 1 000); a syndic
// bénévole; a current account and a works-fund savings account; 9 suppliers;
// budgets for 2025 to 2027, each with a works fund of 5 %; a lift
// modernisation voted for 2026 (works campaign ASC, called in 2026); and
// the whole of 2025 booked: four quarterly calls with the works fund
// (posted by the calls workflow), invoices and their payments, owners'
// receipts (one late payer, one who paid twice), bank fees, an insurance
// indemnity and interest. Nothing is closed.
//
// The content is fixed by this code: two demos hold the same books (only
// the file's creation stamp differs).
func WriteDemo(file string) (*Residence, error) {
	db, err := ledger.Create(file, demoSetup())
	if err != nil {
		return nil, err
	}
	if err := db.Update(fillDemo); err != nil {
		db.Close()
		os.Remove(file)
		return nil, err
	}
	return &Residence{db: db}, nil
}

// Dates of the demo.
var (
	demoStart = ledger.Date(2025, time.January, 1)
	demoEnd   = ledger.Date(2025, time.December, 31)
	demoSale  = ledger.Date(2025, time.June, 15)
)

const (
	demoBank    = "512001"
	demoSavings = "502001"
	DemoSeller  = "450006" // sells his lots (demoSold) on demoSale
	DemoBuyer   = "450013" // buys them
	demoLate    = "450004" // pays each call late and leaves the last one unpaid
	demoTwice   = "450008" // paid the fourth call twice: in credit at year end
	demoCash    = "450010" // paid the last call in cash: waiting for a slip
)

func demoSetup() ledger.Setup {
	return ledger.Setup{
		Residence: ledger.Residence{
			Name:          DemoName,
			Address:       "14 rue des Tilleuls",
			Zip:           "69003",
			City:          "Lyon",
			SyndicName:    "Mme Hélène Lefèvre",
			SyndicAddress: "14 rue des Tilleuls, bât. A, 1er étage gauche, 69003 Lyon",
			SyndicPhone:   "04 65 71 20 31",
			SyndicEmail:   "syndic.tilleuls@example.org",
		},
		FirstStart: demoStart,
		FirstEnd:   demoEnd,
		Bank: &ledger.BankAccount{
			Account: demoBank,
			Label:   "Compte courant",
			IBAN:    frenchIBAN("30002", "00847", "00000714325"),
			BIC:     "CRLYFRPP",
			// The syndicat's own creditor identifier (invented, with
			// valid check digits): the direct debits of issue 18.
			ICS: DemoICS,
		},
	}
}

// frenchIBAN builds a French IBAN from a RIB of digits: bank code (5),
// branch code (5) and account number (11). It computes the RIB key, then the
// IBAN check digits (ISO 13616, mod 97), so every demo IBAN is valid.
func frenchIBAN(bank, branch, account string) string {
	b, _ := strconv.ParseInt(bank, 10, 64)
	g, _ := strconv.ParseInt(branch, 10, 64)
	c, _ := strconv.ParseInt(account, 10, 64)
	ribKey := 97 - (89*b+15*g+3*(c%97))%97
	bban := fmt.Sprintf("%s%s%s%02d", bank, branch, account, ribKey)
	mod := 0
	for _, r := range bban + "152700" { // "FR00" with F = 15, R = 27
		mod = (mod*10 + int(r-'0')) % 97
	}
	return fmt.Sprintf("FR%02d%s", 98-mod, bban)
}

// demoOwner is an owner and how he pays his calls.
type demoOwner struct {
	ledger.Owner
	transfer bool // pays by bank transfer, otherwise by cheque
	delay    int  // days between a call's due date and his payment
}

const tilleuls = "14 rue des Tilleuls"

var demoOwners = []demoOwner{
	{ledger.Owner{Account: "450001", Civility: "M. et Mme", Name: "Bernard Jean-Luc et Françoise",
		Address: tilleuls + ", bât. A, 4e étage", Zip: "69003", City: "Lyon",
		Email: "jl.bernard@example.org", Phone: "04 65 71 20 14", Mobile: "06 39 98 20 14",
		EntryDate: ledger.Date(2004, time.September, 30), Council: true,
		Notes: "Président du conseil syndical. Détient un double des clés du local technique."}, true, 4},
	{ledger.Owner{Account: "450002", Civility: "Mme", Name: "Lefèvre Hélène",
		Address: tilleuls + ", bât. A, 1er étage gauche", Zip: "69003", City: "Lyon",
		Email: "helene.lefevre@example.org", Phone: "04 65 71 20 31", Mobile: "06 39 98 20 31",
		EntryDate: ledger.Date(2011, time.March, 18),
		Notes:     "Syndic bénévole, élue par l'assemblée générale du 12 juin 2024 pour trois ans."}, false, 6},
	{ledger.Owner{Account: "450003", Civility: "SCI", Name: "Les Marronniers",
		Address: "27 cours Émile-Zola", Zip: "69100", City: "Villeurbanne",
		Email: "sci.marronniers@example.org", Phone: "04 65 71 33 08",
		EntryDate: ledger.Date(1998, time.June, 2),
		Notes:     "Gérant : M. Patrick Rousseau. Le local est loué à une boulangerie."}, true, 9},
	{ledger.Owner{Account: demoLate, Civility: "M.", Name: "Moreau Stéphane",
		Address: tilleuls + ", bât. A, rez-de-chaussée droite", Zip: "69003", City: "Lyon",
		Email: "s.moreau@example.org", Mobile: "06 39 98 41 27",
		EntryDate: ledger.Date(2019, time.November, 8)}, false, 20},
	{ledger.Owner{Account: "450005", Civility: "Mme", Name: "Girard Anaïs",
		Address: tilleuls + ", bât. A, 1er étage droite", Zip: "69003", City: "Lyon",
		Email: "anais.girard@example.org", Mobile: "06 39 98 52 60",
		EntryDate: ledger.Date(2021, time.April, 23)}, true, 3},
	{ledger.Owner{Account: DemoSeller, Civility: "M.", Name: "Fournier Loïc",
		Address: "12 chemin des Vignes", Zip: "33000", City: "Bordeaux",
		Email: "loic.fournier@example.org", Mobile: "06 39 98 63 15",
		EntryDate: ledger.Date(2013, time.July, 1), ExitDate: demoSale,
		Notes: "A vendu les lots 5 et 16 le 15/06/2025 (étude de Maître Carron, notaire à Lyon)."}, false, 8},
	{ledger.Owner{Account: "450007", Civility: "Mme", Name: "Dubois Chloé",
		Address: tilleuls + ", bât. A, 2e étage droite", Zip: "69003", City: "Lyon",
		Email: "chloe.dubois@example.org", Phone: "04 65 71 27 44",
		EntryDate: ledger.Date(2016, time.February, 12), Council: true}, false, 12},
	{ledger.Owner{Account: demoTwice, Civility: "M. et Mme", Name: "Nguyen Thierry et Camille",
		Address: tilleuls + ", bât. A, 3e étage gauche", Zip: "69003", City: "Lyon",
		Email: "famille.nguyen@example.org", Mobile: "06 39 98 74 02",
		EntryDate: ledger.Date(2008, time.October, 17)}, true, 5},
	{ledger.Owner{Account: "450009", Civility: "M.", Name: "Mercier Benoît",
		Address: "52 rue de Vaugirard", Zip: "75006", City: "Paris",
		Email: "benoit.mercier@example.org", Phone: "01 99 00 41 86",
		EntryDate: ledger.Date(2015, time.May, 29)}, true, 10},
	{ledger.Owner{Account: "450010", Civility: "Mme", Name: "Lambert Océane",
		Address: tilleuls + ", bât. B, rez-de-chaussée", Zip: "69003", City: "Lyon",
		Email: "oceane.lambert@example.org", Mobile: "06 39 98 85 39",
		EntryDate: ledger.Date(2022, time.September, 9)}, false, 14},
	{ledger.Owner{Account: "450011", Civility: "M.", Name: "Faure Jérôme",
		Address: "5 place Grenette", Zip: "38000", City: "Grenoble",
		Email: "jerome.faure@example.org", Mobile: "06 39 98 96 71",
		EntryDate: ledger.Date(2010, time.January, 15)}, true, 7},
	{ledger.Owner{Account: "450012", Civility: "Mme", Name: "Roux Geneviève",
		Address: tilleuls + ", bât. B, 2e étage", Zip: "69003", City: "Lyon",
		Phone:     "04 65 71 58 23",
		EntryDate: ledger.Date(1992, time.March, 6)}, false, 18},
	{ledger.Owner{Account: DemoBuyer, Civility: "M. et Mme", Name: "Petit Maxime et Julie",
		Address: tilleuls + ", bât. A, 2e étage gauche", Zip: "69003", City: "Lyon",
		Email: "maxime.petit@example.org", Mobile: "06 39 98 17 88",
		EntryDate: demoSale}, true, 6},
}

// demoKeys: the declared totals are those of the règlement de copropriété
// and equal the sums of the lots' shares below.
var demoKeys = []ledger.Key{
	{Code: "001", Label: "Charges générales", DeclaredTotal: decimal.NewFromInt(1000)},
	{Code: "002", Label: "Ascenseur", DeclaredTotal: decimal.NewFromInt(500)},
	{Code: "003", Label: "Bâtiment B", DeclaredTotal: decimal.NewFromInt(1000)},
	{Code: "004", Label: "Eau froide", DeclaredTotal: decimal.NewFromInt(1000)},
}

// demoLots: shares on keys 001 (charges générales: every lot), 002
// (ascenseur: flats of building A above the ground floor), 003 (bâtiment B:
// its flats) and 004 (eau froide: flats only).
var demoLots = []struct {
	ledger.Lot
	shares [4]int64 // 001, 002, 003, 004
}{
	{ledger.Lot{Number: "1", Label: "Local commercial sur rue", Type: "Local commercial", Building: "A", Floor: "RDC", Door: "gauche", Owner: "450003"}, [4]int64{92, 0, 0, 0}},
	{ledger.Lot{Number: "2", Label: "Appartement T2", Type: "Appartement", Building: "A", Staircase: "A", Floor: "RDC", Door: "droite", Owner: demoLate}, [4]int64{58, 0, 0, 70}},
	{ledger.Lot{Number: "3", Label: "Appartement T3", Type: "Appartement", Building: "A", Staircase: "A", Floor: "1er", Door: "gauche", Owner: "450002"}, [4]int64{74, 48, 0, 90}},
	{ledger.Lot{Number: "4", Label: "Appartement T2", Type: "Appartement", Building: "A", Staircase: "A", Floor: "1er", Door: "droite", Owner: "450005"}, [4]int64{56, 36, 0, 68}},
	{ledger.Lot{Number: "5", Label: "Appartement T3", Type: "Appartement", Building: "A", Staircase: "A", Floor: "2e", Door: "gauche", Owner: DemoSeller}, [4]int64{75, 66, 0, 90}},
	{ledger.Lot{Number: "6", Label: "Appartement T2", Type: "Appartement", Building: "A", Staircase: "A", Floor: "2e", Door: "droite", Owner: "450007"}, [4]int64{57, 50, 0, 68}},
	{ledger.Lot{Number: "7", Label: "Appartement T4", Type: "Appartement", Building: "A", Staircase: "A", Floor: "3e", Door: "gauche", Owner: demoTwice}, [4]int64{92, 94, 0, 110}},
	{ledger.Lot{Number: "8", Label: "Appartement T3", Type: "Appartement", Building: "A", Staircase: "A", Floor: "3e", Door: "droite", Owner: "450009"}, [4]int64{76, 78, 0, 92}},
	{ledger.Lot{Number: "9", Label: "Appartement T4 avec terrasse", Type: "Appartement", Building: "A", Staircase: "A", Floor: "4e", Door: "face", Owner: "450001"}, [4]int64{98, 128, 0, 118}},
	{ledger.Lot{Number: "10", Label: "Appartement T2", Type: "Appartement", Building: "B", Staircase: "B", Floor: "RDC", Door: "face", Owner: "450010"}, [4]int64{52, 0, 210, 62}},
	{ledger.Lot{Number: "11", Label: "Appartement T3", Type: "Appartement", Building: "B", Staircase: "B", Floor: "1er", Door: "face", Owner: "450011"}, [4]int64{70, 0, 283, 84}},
	{ledger.Lot{Number: "12", Label: "Appartement T3", Type: "Appartement", Building: "B", Staircase: "B", Floor: "2e", Door: "face", Owner: "450012"}, [4]int64{71, 0, 287, 86}},
	{ledger.Lot{Number: "13", Label: "Appartement T2 sous combles", Type: "Appartement", Building: "B", Staircase: "B", Floor: "3e", Door: "face", Owner: "450011"}, [4]int64{54, 0, 220, 62}},
	{ledger.Lot{Number: "14", Label: "Cave n° 1", Type: "Cave", Building: "A", Floor: "-1", Door: "1", Owner: "450001"}, [4]int64{4, 0, 0, 0}},
	{ledger.Lot{Number: "15", Label: "Cave n° 2", Type: "Cave", Building: "A", Floor: "-1", Door: "2", Owner: "450002"}, [4]int64{4, 0, 0, 0}},
	{ledger.Lot{Number: "16", Label: "Cave n° 3", Type: "Cave", Building: "A", Floor: "-1", Door: "3", Owner: DemoSeller}, [4]int64{3, 0, 0, 0}},
	{ledger.Lot{Number: "17", Label: "Cave n° 4", Type: "Cave", Building: "A", Floor: "-1", Door: "4", Owner: demoTwice}, [4]int64{3, 0, 0, 0}},
	{ledger.Lot{Number: "18", Label: "Cave n° 5", Type: "Cave", Building: "A", Floor: "-1", Door: "5", Owner: "450005"}, [4]int64{5, 0, 0, 0}},
	{ledger.Lot{Number: "19", Label: "Place de parking n° 1", Type: "Parking", Floor: "Cour", Door: "1", Owner: "450001"}, [4]int64{14, 0, 0, 0}},
	{ledger.Lot{Number: "20", Label: "Place de parking n° 2", Type: "Parking", Floor: "Cour", Door: "2", Owner: "450009"}, [4]int64{14, 0, 0, 0}},
	{ledger.Lot{Number: "21", Label: "Place de parking n° 3", Type: "Parking", Floor: "Cour", Door: "3", Owner: demoTwice}, [4]int64{14, 0, 0, 0}},
	{ledger.Lot{Number: "22", Label: "Place de parking n° 4", Type: "Parking", Floor: "Cour", Door: "4", Owner: "450012"}, [4]int64{14, 0, 0, 0}},
}

// demoSold are the lots the seller sells to the buyer on demoSale.
var demoSold = []string{"5", "16"}

var demoSuppliers = []ledger.Supplier{
	{Account: "401001", Name: "Eaux de Lyon Métropole", Address: "18 quai Perrache", Zip: "69002", City: "Lyon",
		IBAN: frenchIBAN("30004", "00823", "00010475260"), BIC: "BNPAFRPPXXX", Phone: "04 65 71 90 00", Email: "clients@example.com",
		Notes: "Eau froide, relevé du compteur général chaque trimestre ; prélèvement automatique."},
	{Account: "401002", Name: "Électricité Rhône Énergies", Address: "40 rue de la Villette", Zip: "69003", City: "Lyon",
		IBAN: frenchIBAN("30003", "01890", "00020314785"), BIC: "SOGEFRPP", Phone: "04 65 71 90 10",
		Notes: "Deux points de livraison : parties communes (clé 001) et bâtiment B (clé 003) ; prélèvement."},
	{Account: "401003", Name: "Net'Immo Services", Address: "9 rue Paul-Bert", Zip: "69003", City: "Lyon",
		IBAN: frenchIBAN("10278", "07301", "00030218946"), BIC: "CMCIFR2A", Contact: "Mme Karima Benali", Phone: "04 65 71 90 22",
		Email: "contact@example.com", Notes: "Nettoyage des parties communes, deux passages par semaine."},
	{Account: "401004", Name: "Ascenseurs Rhône-Alpes Maintenance", Address: "3 avenue Jean-Jaurès", Zip: "69007", City: "Lyon",
		IBAN: frenchIBAN("30004", "02315", "00040897123"), BIC: "BNPAFRPPXXX", Phone: "04 65 71 90 35",
		Notes: "Contrat d'entretien de l'ascenseur du bâtiment A, facturé par trimestre."},
	{Account: "401005", Name: "Mutuelle Lyonnaise d'Assurances", Address: "61 rue de la République", Zip: "69002", City: "Lyon",
		IBAN: frenchIBAN("13825", "00200", "08003547219"), BIC: "CEPAFRPP382", Contact: "Agence Lyon Presqu'île", Phone: "04 65 71 90 48",
		Notes: "Multirisque immeuble, contrat n° MRI 2019-447120, échéance au 1er janvier."},
	{Account: "401006", Name: "Plomberie Saint-Antoine", Address: "15 rue Saint-Antoine", Zip: "69003", City: "Lyon",
		IBAN: frenchIBAN("16807", "00134", "32145698701"), BIC: "CCBPFRPPLYO", Contact: "M. Didier Chabert", Phone: "06 39 98 30 12"},
	{Account: "401007", Name: "Cabinet Vidal Expertise", Address: "8 place Bellecour", Zip: "69002", City: "Lyon",
		IBAN: frenchIBAN("18706", "00000", "96325874102"), BIC: "AGRIFRPP878", Contact: "Mme Sophie Vidal", Email: "cabinet.vidal@example.com",
		Notes: "Expert-comptable : assistance à la tenue des comptes et vérification annuelle."},
	{Account: "401008", Name: "Quincaillerie Moncey", Address: "72 rue Moncey", Zip: "69003", City: "Lyon"},
	{Account: "401009", Name: "Batiservices Monplaisir", Address: "110 avenue des Frères-Lumière", Zip: "69008", City: "Lyon",
		IBAN: frenchIBAN("20041", "01007", "14789632500"), BIC: "PSSTFRPPLYO", Phone: "06 39 98 30 47",
		Notes: "Petits travaux : peinture, électricité, serrurerie."},
}

// demoBudget2025 is the budget voted for 2025, in cents; 2026 and 2027 are
// it raised by 3 % and 6 %. The yearly total of each key is not a multiple
// of 4 cents, so that the quarterly calls exercise the cent rounding.
var demoBudget2025 = []ledger.BudgetLine{
	{Account: "602000", Key: "001", Amount: 340000},
	{Account: "604000", Key: "001", Amount: 60000},
	{Account: "611000", Key: "001", Amount: 1188000},
	{Account: "615000", Key: "001", Amount: 420000},
	{Account: "616000", Key: "001", Amount: 564317},
	{Account: "621300", Key: "001", Amount: 24000},
	{Account: "623000", Key: "001", Amount: 120000},
	{Account: "662000", Key: "001", Amount: 15000},
	{Account: "614000", Key: "002", Amount: 378246},
	{Account: "615000", Key: "002", Amount: 95000},
	{Account: "602000", Key: "003", Amount: 78330},
	{Account: "611000", Key: "003", Amount: 240000},
	{Account: "615000", Key: "003", Amount: 110000},
	{Account: "601000", Key: "004", Amount: 841250},
}

// demoFund is the works fund called in a year of budget total: 5 % of it,
// rounded up to the cent so that it is never below the legal minimum.
func demoFund(budgetTotal ledger.Amount) ledger.Amount {
	return (budgetTotal*5 + 99) / 100
}

// demoBook gathers the entries of the year before they are posted in date
// order; receipts get their piece numbers (R0001…) in that order.
type demoBook struct {
	entries []demoEntry
}

type demoEntry struct {
	*ledger.Entry
	receipt bool
	// cash: a payment in cash, posted as a receipt (ledger.PostReceipt)
	// so that it waits for a slip of kind « Autre ».
	cash *ledger.Receipt
}

func (b *demoBook) add(e *ledger.Entry) { b.entries = append(b.entries, demoEntry{Entry: e}) }

func (b *demoBook) addReceipt(e *ledger.Entry) {
	b.entries = append(b.entries, demoEntry{Entry: e, receipt: true})
}

func fillDemo(tx *ledger.Tx) error {
	// The demo's books start with its first exercise: no takeover.
	if err := tx.SetOption(optStartedAfresh, "1"); err != nil {
		return err
	}
	// The livret holds the works fund: the transfer assistant (issue 18)
	// proposes what to move there.
	if err := tx.SaveBankAccount(ledger.BankAccount{Account: demoSavings, Label: "Livret fonds de travaux", Fund: "105000",
		IBAN: frenchIBAN("30002", "00847", "00000714339"), BIC: "CRLYFRPP"}); err != nil {
		return err
	}
	for _, k := range demoKeys {
		var err error
		if k.Code == "001" {
			err = tx.UpdateKey(k)
		} else {
			err = tx.AddKey(k)
		}
		if err != nil {
			return err
		}
	}
	for _, o := range demoOwners {
		o := o.Owner
		if err := tx.AddOwner(&o); err != nil {
			return err
		}
	}
	if err := demoMandates(tx); err != nil {
		return err
	}
	for _, l := range demoLots {
		if err := tx.AddLot(l.Lot); err != nil {
			return err
		}
		for i, n := range l.shares {
			if err := tx.SetShare(l.Number, demoKeys[i].Code, decimal.NewFromInt(n)); err != nil {
				return err
			}
		}
	}
	for _, lot := range demoSold {
		if err := tx.TransferLot(lot, DemoBuyer, demoSale); err != nil {
			return err
		}
	}
	for _, s := range demoSuppliers {
		s := s
		if err := tx.AddSupplier(&s); err != nil {
			return err
		}
	}
	for i, rate := range []int64{100, 103, 106} {
		ex, err := tx.ExerciseOfYear(2025 + i)
		if err != nil {
			return err
		}
		for _, b := range demoBudget2025 {
			b.Amount = (b.Amount*ledger.Amount(rate) + 50) / 100
			if err := tx.SetBudgetLine(ex.ID, b); err != nil {
				return err
			}
		}
	}

	// The works fund: 5 % of each year's budget, on the general key.
	for y := 2025; y <= 2027; y++ {
		ex, err := tx.ExerciseOfYear(y)
		if err != nil {
			return err
		}
		budget, err := tx.Budget(ex.ID)
		if err != nil {
			return err
		}
		var total ledger.Amount
		for _, b := range budget {
			total += b.Amount
		}
		if err := tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: demoFund(total), Key: "001"}); err != nil {
			return err
		}
	}
	if err := tx.AddWorks(DemoWorks); err != nil {
		return err
	}

	var book demoBook
	due, err := demoCalls(tx)
	if err != nil {
		return err
	}
	demoReceipts(&book, due)
	demoInvoices(&book)
	demoBankLines(&book, due)

	sort.SliceStable(book.entries, func(i, j int) bool { return book.entries[i].Date.Before(book.entries[j].Date) })
	n := 0
	for _, e := range book.entries {
		if e.receipt {
			n++
			e.Piece = fmt.Sprintf("R%04d", n)
		}
		if e.cash != nil {
			e.cash.Piece = e.Piece
			if _, err := tx.PostReceipt(e.cash); err != nil {
				return err
			}
			continue
		}
		if err := tx.PostEntry(e.Entry); err != nil {
			return err
		}
	}
	return demoCheques(tx, due)
}

// demoCheques gives the deposits something to show (seed 003): the late
// payer settles his last call with three cheques handed in advance, two of
// them due by the end of the year, the last one carrying the cents the
// split left over (a cheque of a series corrected afterwards), which move
// the books only at their deposit. (An owner's last call paid in cash,
// waiting for a slip of kind « Autre », is in demoReceipts.)
func demoCheques(tx *ledger.Tx, due []demoDue) error {
	owed := due[len(due)-1].total(demoLate)
	list, err := tx.AddChequeSeries(ledger.ChequeSeries{Owner: demoLate, Amount: owed / 3,
		First: ledger.Date(2025, time.November, 20), Number: "4518210", Count: 3})
	if err != nil {
		return err
	}
	last := list[len(list)-1]
	last.Amount = owed - 2*(owed/3)
	return tx.UpdateExpectedCheque(last)
}

// demoDue is what one call date asks of each owner: budget provisions and
// works fund, per owner account.
type demoDue struct {
	date   time.Time
	budget map[string]ledger.Amount
	fund   map[string]ledger.Amount
}

func (d demoDue) total(owner string) ledger.Amount { return d.budget[owner] + d.fund[owner] }

var demoQuarters = []string{"1er", "2e", "3e", "4e"}

// demoCalls books the four quarterly calls of 2025 through the calls
// workflow, as a syndic would: each key's yearly budget split in four to the
// cent, each part allocated over the owners of the due date by the sum of
// their lots' shares, with the works fund's calls on the same days. They
// are posted before the rest of the year, so that they hold the first
// entry numbers and pieces A0001–A0008 (budget then fund, quarter by
// quarter).
func demoCalls(tx *ledger.Tx) ([]demoDue, error) {
	ex, err := tx.ExerciseOfYear(2025)
	if err != nil {
		return nil, err
	}
	plan, err := planCalls(tx, callRequest{exerciseID: ex.ID, count: 4, budget: true})
	if err != nil {
		return nil, err
	}
	if err := plan.Err(); err != nil {
		return nil, err
	}
	if _, err := postPlan(tx, plan); err != nil {
		return nil, err
	}
	var dues []demoDue
	for _, c := range plan.Calls {
		if len(dues) == 0 || !dues[len(dues)-1].date.Equal(c.Due) {
			dues = append(dues, demoDue{date: c.Due, budget: map[string]ledger.Amount{}, fund: map[string]ledger.Amount{}})
		}
		d := dues[len(dues)-1]
		for _, o := range c.Owners {
			if c.Kind == ledger.FundCall {
				d.fund[o.Account] += o.Total
			} else {
				d.budget[o.Account] += o.Total
			}
		}
	}
	return dues, nil
}

// DemoWorks is a campaign voted at the 2025 general meeting for 2026: the
// lift's modernisation, on the lift key, called in four quarters of 2026
// and finished in November (so its calls credit 702ASC).
var DemoWorks = ledger.Works{
	Code: "ASC", Label: "Modernisation de l'ascenseur", Type: ledger.Art142Works,
	AGDate: ledger.Date(2025, time.June, 12), Resolution: "12", Voted: 2400000, End: ledger.Date(2026, time.November, 30),
	Notes: "Mise aux normes et remplacement de l'armoire de commande (devis Ascenseurs Rhône-Alpes du 2 mai 2025).",
	Keys:  []ledger.WorksKey{{Key: "002", Amount: 2400000}},
	Schedule: []time.Time{ledger.Date(2026, time.January, 1), ledger.Date(2026, time.April, 1),
		ledger.Date(2026, time.July, 1), ledger.Date(2026, time.October, 1)},
}

func demoOwnerByAccount(account string) demoOwner {
	for _, o := range demoOwners {
		if o.Account == account {
			return o
		}
	}
	panic("demo: unknown owner " + account)
}

// demoReceipts books the owners' payments: most pay each call in full a few
// days after it is due; the late payer pays weeks late and not the last
// call; one owner pays the last call twice (by transfer, then by cheque);
// another pays it in cash, not yet taken to the bank;
// the seller settles what he owes through the notary on the day of the sale.
func demoReceipts(book *demoBook, calls []demoDue) {
	pay := func(date time.Time, o demoOwner, amount ledger.Amount, cheque bool, q int) {
		label := "Virement " + o.DisplayName()
		if cheque {
			// A made-up but fixed cheque number per owner and call.
			n, _ := strconv.Atoi(o.Account[3:])
			label = fmt.Sprintf("Règlement chèque n° %07d, %s", 4517000+n*131+q*7, o.DisplayName())
		}
		book.addReceipt(&ledger.Entry{Journal: ledger.JournalBank, Date: date, Label: label, Lines: []ledger.Line{
			{Account: demoBank, Debit: amount},
			{Account: o.Account, Credit: amount},
		}})
	}
	late := []time.Time{ledger.Date(2025, time.February, 24), ledger.Date(2025, time.June, 27), ledger.Date(2025, time.October, 20)}
	for q, call := range calls {
		for _, o := range demoOwners {
			amount := call.total(o.Account)
			if amount == 0 {
				continue
			}
			switch {
			case o.Account == demoLate:
				if q < len(late) {
					pay(late[q], o, amount, true, q)
				}
			case o.Account == DemoSeller && q == 1: // due 1 April, still owed at the sale
				book.addReceipt(&ledger.Entry{Journal: ledger.JournalBank, Date: demoSale,
					Label: "Virement étude Maître Carron, vente des lots 5 et 16 : solde vendeur", Lines: []ledger.Line{
						{Account: demoBank, Debit: amount},
						{Account: o.Account, Credit: amount},
					}})
			case o.Account == demoCash && q == len(calls)-1:
				// In cash, waiting for a slip: the same day and amount as
				// her cheques, so that the books stay as they were.
				date := call.date.AddDate(0, 0, o.delay)
				book.entries = append(book.entries, demoEntry{Entry: &ledger.Entry{Date: date}, receipt: true, cash: &ledger.Receipt{
					Owner: o.Account, Date: date, Amount: amount, Mode: ledger.ByCash, BankAccount: demoBank,
					Journal: ledger.JournalBank, Label: "Règlement en espèces, " + o.DisplayName()}})
			default:
				pay(call.date.AddDate(0, 0, o.delay), o, amount, !o.transfer, q)
				if o.Account == demoTwice && q == 3 {
					pay(ledger.Date(2025, time.October, 21), o, amount, true, q)
				}
			}
		}
	}
}

// demoInvoice is a supplier's invoice: its charges and when it was paid
// (zero: still owed at year end).
type demoInvoice struct {
	date     time.Time
	supplier string
	piece    string
	label    string
	charges  []ledger.Line // debits on class-6 accounts, with their key
	paid     time.Time
	debit    bool // paid by direct debit (prélèvement), not by transfer
}

func charge(account, key string, cents ledger.Amount) ledger.Line {
	return ledger.Line{Account: account, Key: key, Debit: cents}
}

var demoMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

func demoInvoiceList() []demoInvoice {
	d := func(m time.Month, day int) time.Time { return ledger.Date(2025, m, day) }
	var list []demoInvoice
	// Cleaning: one invoice at the end of each month, paid ten days later.
	for m := time.January; m <= time.December; m++ {
		end := d(m+1, 1).AddDate(0, 0, -1)
		list = append(list, demoInvoice{date: end, supplier: "401003", piece: fmt.Sprintf("NIS-25-%03d", 40+int(m)*3),
			label:   "Net'Immo Services, nettoyage " + demoMonths[m-1] + " 2025",
			charges: []ledger.Line{charge("611000", "001", 99000), charge("611000", "003", 20000)},
			paid:    end.AddDate(0, 0, 10)})
	}
	// Lift maintenance contract, each quarter in advance.
	for q := 0; q < 4; q++ {
		date := d(time.Month(1+3*q), 6)
		list = append(list, demoInvoice{date: date, supplier: "401004", piece: fmt.Sprintf("ARAM-%d", 25010+q*187),
			label:   "Ascenseurs Rhône-Alpes, contrat d'entretien " + demoQuarters[q] + " trimestre",
			charges: []ledger.Line{charge("614000", "002", 94562)}, paid: date.AddDate(0, 0, 28)})
	}
	// Electricity every two months, common parts (001) and building B (003).
	elec := [][2]ledger.Amount{{54837, 12108}, {61290, 13844}, {49714, 11256}, {45582, 9873}, {53066, 11991}, {64125, 14602}}
	for i, a := range elec {
		date := d(time.Month(2+2*i), 10)
		list = append(list, demoInvoice{date: date, supplier: "401002", piece: fmt.Sprintf("ERE%08d", 51203380+i*2771),
			label:   "Électricité Rhône Énergies, facture bimestrielle de " + demoMonths[1+2*i],
			charges: []ledger.Line{charge("602000", "001", a[0]), charge("602000", "003", a[1])},
			paid:    date.AddDate(0, 0, 15), debit: true})
	}
	// Water every quarter, on the general meter's reading.
	water := []ledger.Amount{204137, 198652, 230488, 211809}
	for q, a := range water {
		date := d(time.Month(3+3*q), 19)
		list = append(list, demoInvoice{date: date, supplier: "401001", piece: fmt.Sprintf("ELM-2025-%05d", 11872+q*3319),
			label:   "Eaux de Lyon Métropole, eau froide " + demoQuarters[q] + " trimestre",
			charges: []ledger.Line{charge("601000", "004", a)}, paid: date.AddDate(0, 0, 20), debit: true})
	}
	list = append(list,
		demoInvoice{date: d(1, 15), supplier: "401005", piece: "MLA-MRI-447120-25", label: "Mutuelle Lyonnaise d'Assurances, prime multirisque 2025",
			charges: []ledger.Line{charge("616000", "001", 564317)}, paid: d(2, 10)},
		demoInvoice{date: d(3, 12), supplier: "401006", piece: "PSA-0318", label: "Plomberie Saint-Antoine, recherche de fuite colonne bâtiment B",
			charges: []ledger.Line{charge("615000", "003", 68400)}, paid: d(4, 8)},
		demoInvoice{date: d(3, 27), supplier: "401009", piece: "BSM-25-071", label: "Batiservices, remplacement minuterie éclairage hall A",
			charges: []ledger.Line{charge("615000", "001", 52080)}, paid: d(4, 22)},
		demoInvoice{date: d(4, 14), supplier: "401008", piece: "QM-88412", label: "Quincaillerie Moncey, ampoules LED et produits d'entretien",
			charges: []ledger.Line{charge("604000", "001", 14385)}, paid: d(4, 30)},
		demoInvoice{date: d(5, 20), supplier: "401006", piece: "PSA-0402", label: "Plomberie Saint-Antoine, débouchage canalisation sous-sol",
			charges: []ledger.Line{charge("615000", "001", 39600)}, paid: d(6, 12)},
		demoInvoice{date: d(6, 30), supplier: "401007", piece: "CVE-2025-214", label: "Cabinet Vidal, assistance comptable 1er semestre",
			charges: []ledger.Line{charge("623000", "001", 60000)}, paid: d(7, 25)},
		demoInvoice{date: d(7, 22), supplier: "401004", piece: "ARAM-25-D117", label: "Ascenseurs Rhône-Alpes, remplacement bouton palier 3e étage",
			charges: []ledger.Line{charge("615000", "002", 48600)}, paid: d(8, 20)},
		demoInvoice{date: d(8, 26), supplier: "401009", piece: "BSM-25-163", label: "Batiservices, peinture du local poubelles",
			charges: []ledger.Line{charge("615000", "001", 168000)}, paid: d(9, 19)},
		demoInvoice{date: d(9, 25), supplier: "401006", piece: "PSA-0537", label: "Plomberie Saint-Antoine, robinet de puisage local poubelles",
			charges: []ledger.Line{charge("615000", "001", 31240)}, paid: d(10, 17)},
		demoInvoice{date: d(10, 7), supplier: "401008", piece: "QM-90127", label: "Quincaillerie Moncey, petit matériel et produits d'entretien",
			charges: []ledger.Line{charge("604000", "001", 21240)}, paid: d(10, 24)},
		demoInvoice{date: d(12, 15), supplier: "401007", piece: "CVE-2025-398", label: "Cabinet Vidal, assistance comptable 2e semestre",
			charges: []ledger.Line{charge("623000", "001", 60000)}},
	)
	return list
}

// demoInvoices books each invoice (journal AC: debit 6xx with its key,
// credit the supplier) and its payment (journal BQ: debit the supplier,
// credit the bank) when it was paid within the year.
func demoInvoices(book *demoBook) {
	for _, inv := range demoInvoiceList() {
		var total ledger.Amount
		for _, c := range inv.charges {
			total += c.Debit
		}
		lines := append([]ledger.Line{}, inv.charges...)
		lines = append(lines, ledger.Line{Account: inv.supplier, Credit: total})
		book.add(&ledger.Entry{Journal: ledger.JournalPurchases, Date: inv.date, Piece: inv.piece, Label: inv.label, Lines: lines})
		if inv.paid.IsZero() || inv.paid.After(demoEnd) {
			continue
		}
		how := "Virement"
		if inv.debit {
			how = "Prélèvement"
		}
		book.add(&ledger.Entry{Journal: ledger.JournalBank, Date: inv.paid, Piece: inv.piece,
			Label: how + " facture " + inv.piece, Lines: []ledger.Line{
				{Account: inv.supplier, Debit: total},
				{Account: demoBank, Credit: total},
			}})
	}
}

// demoBankLines books what only the bank statement shows: fees, postage
// paid by card, the insurance indemnity, the works fund moved to the
// savings account after each call, and the savings interest.
func demoBankLines(book *demoBook, calls []demoDue) {
	d := func(m time.Month, day int) time.Time { return ledger.Date(2025, m, day) }
	bank := func(date time.Time, label, account, key string, amount ledger.Amount, income bool) {
		lines := []ledger.Line{{Account: account, Key: key, Debit: amount}, {Account: demoBank, Credit: amount}}
		if income {
			lines = []ledger.Line{{Account: demoBank, Debit: amount}, {Account: account, Key: key, Credit: amount}}
		}
		book.add(&ledger.Entry{Journal: ledger.JournalBank, Date: date, Label: label, Lines: lines})
	}
	for q := 0; q < 4; q++ {
		end := d(time.Month(4+3*q), 1).AddDate(0, 0, -1)
		bank(end, "Frais de tenue de compte "+demoQuarters[q]+" trimestre", "662000", "001", 3600, false)
	}
	bank(d(5, 12), "La Poste, convocations à l'assemblée générale en recommandé", "621300", "001", 6840, false)
	bank(d(11, 18), "La Poste, lettres de relance recommandées", "621300", "001", 3162, false)
	bank(d(10, 14), "Mutuelle Lyonnaise d'Assurances, indemnité dégât des eaux hall A", "713000", "001", 115000, true)

	for q, call := range calls {
		var fund ledger.Amount
		for _, a := range call.fund {
			fund += a
		}
		date := call.date.AddDate(0, 1, -1)
		book.add(&ledger.Entry{Journal: ledger.JournalBank, Date: date, Label: "Virement au livret du fonds de travaux, " + demoQuarters[q] + " trimestre",
			Lines: []ledger.Line{{Account: demoSavings, Debit: fund}, {Account: demoBank, Credit: fund}}})
	}
	book.add(&ledger.Entry{Journal: ledger.JournalBank, Date: demoEnd, Label: "Intérêts 2025 du livret du fonds de travaux",
		Lines: []ledger.Line{{Account: demoSavings, Debit: 1864}, {Account: "716000", Key: "001", Credit: 1864}}})
}

// DemoICS is the demo syndicat's SEPA creditor identifier (ICS): FR, its
// check digits (ISO 7064 mod 97-10 over « 508173FR00 »), the free business
// code ZZZ and an invented national number.
const DemoICS = "FR55ZZZ508173"

// demoMandateList are the owners of the demo who pay by SEPA direct debit:
// three, with mandates signed before the working exercise, so that their
// call notices announce the debit and the batch (Banque › Prélèvements…)
// collects their calls once posted.
var demoMandateList = []ledger.Mandate{
	{Owner: "450005", RUM: "TILLEULS-450005-01", IBAN: frenchIBAN("20041", "01007", "00051873226"), BIC: "PSSTFRPPLYO", Signed: ledger.Date(2024, time.November, 18)},
	{Owner: "450009", RUM: "TILLEULS-450009-01", IBAN: frenchIBAN("30004", "00823", "00093417658"), BIC: "BNPAFRPPXXX", Signed: ledger.Date(2024, time.December, 2)},
	{Owner: "450011", RUM: "TILLEULS-450011-01", IBAN: frenchIBAN("10278", "07301", "00011862540"), BIC: "CMCIFR2A", Signed: ledger.Date(2024, time.December, 9)},
}

func demoMandates(tx *ledger.Tx) error {
	for _, m := range demoMandateList {
		m := m
		if err := tx.AddMandate(&m); err != nil {
			return err
		}
	}
	return nil
}
