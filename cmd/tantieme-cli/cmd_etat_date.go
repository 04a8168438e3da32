package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"tantieme/app"
	"tantieme/app/sale"
	"tantieme/ledger"
)

// etatDateJSON is the contract of CLI.md (lot, owner and the four sums),
// with what was added after it.
type etatDateJSON struct {
	Lot            string            `json:"lot"` // the lots joined by ", "
	Owner          string            `json:"owner"`
	SellerOwes     string            `json:"seller_owes"`
	SyndicatOwes   string            `json:"syndicat_owes"`
	BuyerWillOwe   string            `json:"buyer_will_owe"`
	WorksFundShare string            `json:"works_fund_share"`
	Lots           []string          `json:"lots"`
	Name           string            `json:"name"`
	Date           string            `json:"date"`
	Pre            bool              `json:"pre"`
	Fee            string            `json:"fee"`
	FeePosted      bool              `json:"fee_posted"`
	Parts          etatDatePartsJSON `json:"parts"`
	Buyer          *etatDateBuyer    `json:"buyer,omitempty"`
	File           string            `json:"file,omitempty"`
}

type etatDatePartsJSON struct {
	Balance      string              `json:"balance"`
	Earlier      string              `json:"earlier"`
	Calls        []etatDateCallJSON  `json:"calls"`
	Accelerated  string              `json:"accelerated"`
	Doubtful     string              `json:"doubtful"`
	Advances     []etatDateAdvance   `json:"advances"`
	Overpayment  string              `json:"overpayment"`
	Future       []etatDateCallJSON  `json:"future"`
	Budget       string              `json:"budget_share"`
	Past         []etatDateChargeDoc `json:"past_charges"`
	WorksFund    string              `json:"works_fund"`
	WorksFundKey string              `json:"works_fund_key"`
	Procedures   string              `json:"procedures"`
}

type etatDateCallJSON struct {
	Piece  string `json:"piece"`
	Kind   string `json:"kind"`
	Label  string `json:"label"`
	Due    string `json:"due"`
	Amount string `json:"amount"`
	Owed   string `json:"owed,omitempty"`
}

type etatDateAdvance struct {
	Account string `json:"account"`
	Amount  string `json:"amount"`
}

type etatDateChargeDoc struct {
	Year  int    `json:"year"`
	Share string `json:"share"`
}

type etatDateBuyer struct {
	Asked     string `json:"asked"`
	Account   string `json:"account"`
	Owner     bool   `json:"owner"`
	Opposable bool   `json:"opposable"`
	Answer    string `json:"answer"`
}

func init() {
	commands["etat-date"] = command{
		usage: "etat-date FICHIER --lot N [--lot M…] --date AAAA-MM-JJ --out PDF [--json] [--pre] [--fee X [--post]] [--buyer 450xxx|NOM] [--procedures TEXTE]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var lots ownerList
			fs.Var(&lots, "lot", "lot vendu (plusieurs fois pour une vente de plusieurs lots)")
			date := fs.String("date", "", "date de l'état daté")
			pdfOut := fs.String("out", "", "PDF à écrire")
			asJSON := fs.Bool("json", false, "sortie JSON")
			pre := fs.Bool("pre", false, "pré-état daté : les informations à remettre avant la promesse de vente")
			fee := fs.String("fee", "", "honoraires du syndic pour l'état daté (380 € TTC au plus)")
			post := fs.Bool("post", false, "impute les honoraires au compte du vendeur (une écriture à la date de l'état daté)")
			buyer := fs.String("buyer", "", "acquéreur (compte 450xxx ou nom) : réponse à la notification de l'article 20 II")
			procedures := fs.String("procedures", "", "procédures en cours (texte gardé pour les prochains états datés ; \"\" l'efface)")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if len(lots) == 0 || *date == "" {
					return usagef("--lot et --date sont obligatoires")
				}
				if *pdfOut == "" && !*asJSON {
					return usagef("--out est obligatoire (ou --json)")
				}
				if *post && *fee == "" {
					return usagef("--post impute les honoraires : donnez-les avec --fee")
				}
				at, err := ledger.ParseDate(*date)
				if err != nil {
					return err
				}
				var amount ledger.Amount
				if *fee != "" {
					if amount, err = ledger.ParseAmount(*fee); err != nil {
						return ledger.Wrap(ledger.Invalid, err, "--fee : %s", ledger.Message(err))
					}
					if err := sale.CheckFee(amount); err != nil {
						return err
					}
				}
				given := map[string]bool{}
				fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
				writes := *pdfOut != "" || *post || given["procedures"]
				open := app.OpenReadOnly
				if writes {
					open = func(f string) (*app.Residence, error) { return openForDocuments(f, out) }
				}
				r, err := open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				if given["procedures"] {
					if err := sale.SetProcedures(r, *procedures); err != nil {
						return err
					}
				}
				// Check everything before the fee is posted: a refused état
				// daté leaves no fee behind.
				req := sale.Request{Lots: lots, At: at, Fee: amount, Pre: *pre, Buyer: *buyer}
				if _, err := sale.Make(r, req); err != nil {
					return err
				}
				if *post && amount > 0 {
					if _, err := sale.ChargeFee(r, lots, at, amount); err != nil {
						return err
					}
					req.FeePosted = true
				}
				d, err := sale.Make(r, req)
				if err != nil {
					return err
				}
				if *pdfOut != "" {
					meta := d.Produced("", ledger.Now())
					meta.Path = *pdfOut
					if err := d.Write(r, meta); err != nil {
						return err
					}
				}
				if *asJSON {
					return writeJSON(out, etatDateDoc(d, *pdfOut))
				}
				fmt.Fprintf(out, "%s (%s) au %s écrit dans %s : le vendeur %s doit %s ; le syndicat lui doit %s ; l'acquéreur devra %s ; part du fonds de travaux %s (non remboursée).\n",
					d.Title(), d.LotsText(), ledger.FrenchDate(at), *pdfOut, d.Seller.Account, d.SellerOwes, d.SyndicatOwes, d.BuyerWillOwe, d.WorksFundShare)
				if d.Buyer != nil {
					fmt.Fprintln(out, d.Buyer.Text)
				}
				return nil
			}
		},
	}
}

func etatDateDoc(d *sale.EtatDate, file string) etatDateJSON {
	j := etatDateJSON{Lot: strings.Join(d.LotNumbers(), ", "), Owner: d.Seller.Account, SellerOwes: d.SellerOwes.Plain(), SyndicatOwes: d.SyndicatOwes.Plain(),
		BuyerWillOwe: d.BuyerWillOwe.Plain(), WorksFundShare: d.WorksFundShare.Plain(), Lots: d.LotNumbers(), Name: d.Seller.DisplayName(),
		Date: ledger.ISO(d.At), Pre: d.Pre, Fee: d.Fee.Plain(), FeePosted: d.FeePosted, File: file}
	p := &j.Parts
	p.Balance, p.Earlier, p.Accelerated, p.Doubtful = d.Balance.Plain(), d.Earlier.Plain(), d.Accelerated.Plain(), d.Doubtful.Plain()
	p.Overpayment, p.Budget, p.WorksFund, p.WorksFundKey, p.Procedures = d.Overpayment.Plain(), d.Budget.Total.Plain(), d.WorksFund.Plain(), d.WorksFundKey, d.Procedures
	p.Calls, p.Future, p.Advances, p.Past = []etatDateCallJSON{}, []etatDateCallJSON{}, []etatDateAdvance{}, []etatDateChargeDoc{}
	for _, c := range d.Calls {
		p.Calls = append(p.Calls, etatDateCallJSON{Piece: c.Piece, Kind: string(c.Kind), Label: c.Label, Due: ledger.ISO(c.Due), Amount: c.Amount.Plain(), Owed: c.Owed.Plain()})
	}
	for _, c := range d.Future {
		p.Future = append(p.Future, etatDateCallJSON{Piece: c.Piece, Kind: string(c.Kind), Label: c.Label, Due: ledger.ISO(c.Due), Amount: c.Amount.Plain()})
	}
	for _, a := range d.Advances {
		p.Advances = append(p.Advances, etatDateAdvance{Account: a.Account, Amount: a.Amount.Plain()})
	}
	for _, c := range d.Past {
		p.Past = append(p.Past, etatDateChargeDoc{Year: c.Exercise.Year(), Share: c.Total.Plain()})
	}
	if b := d.Buyer; b != nil {
		j.Buyer = &etatDateBuyer{Asked: b.Asked, Account: b.Account, Owner: b.Owner, Opposable: b.Opposable, Answer: b.Text}
	}
	return j
}
