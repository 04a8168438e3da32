package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"tantieme/app"
	"tantieme/app/transfers"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sepa"
)

func init() {
	commands["transfer"] = command{
		usage: "transfer FICHIER --from 5xxxxx --to 5xxxxx --amount MONTANT --date AAAA-MM-JJ [--label LIBELLÉ] [--sepa CHEMIN] [--slip CHEMIN] [--version 09|03]" +
			" | transfer FICHIER --again IDENTIFIANT --sepa CHEMIN",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var a transferArgs
			fs.StringVar(&a.from, "from", "", "compte bancaire débité (512xxx, 50xxxx)")
			fs.StringVar(&a.to, "to", "", "compte bancaire crédité")
			fs.StringVar(&a.amount, "amount", "", "montant du virement")
			fs.StringVar(&a.date, "date", "", "date d'exécution (et de l'écriture)")
			fs.StringVar(&a.label, "label", "", "libellé de l'écriture et motif du virement")
			fs.StringVar(&a.sepa, "sepa", "", "fichier de virement SEPA à écrire (par défaut, à côté de la résidence sous son nom VIREFOND_…)")
			fs.StringVar(&a.slip, "slip", "", "bordereau de virement (PDF) à écrire")
			fs.StringVar(&a.version, "version", "09", "format du fichier : 09 (pain.001.001.09) ou 03 (pain.001.001.03)")
			fs.StringVar(&a.again, "again", "", "réécrit à l'identique le fichier de virement déjà fait de cet identifiant de message")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if a.again != "" {
					if a.from != "" || a.to != "" || a.amount != "" || a.date != "" || a.label != "" || a.slip != "" {
						return usagef("--again ne se combine qu'avec --sepa")
					}
					if a.sepa == "" {
						return usagef("--again demande --sepa : où écrire le fichier")
					}
					return transferAgain(pos[0], a, out)
				}
				switch {
				case a.from == "":
					return usagef("--from est obligatoire")
				case a.to == "":
					return usagef("--to est obligatoire")
				case a.amount == "":
					return usagef("--amount est obligatoire")
				case a.date == "":
					return usagef("--date est obligatoire")
				}
				return transfer(pos[0], a, out)
			}
		},
	}
}

type transferArgs struct {
	from, to, amount, date, label, sepa, slip, version, again string
}

func transfer(file string, a transferArgs, out io.Writer) error {
	versions := map[string]sepa.Version{"09": sepa.Pain001v09, "03": sepa.Pain001v03,
		string(sepa.Pain001v09): sepa.Pain001v09, string(sepa.Pain001v03): sepa.Pain001v03}
	v, ok := versions[a.version]
	if !ok {
		return usagef("--version : 09 ou 03")
	}
	amount, err := ledger.ParseAmount(a.amount)
	if err != nil {
		return err
	}
	date, err := ledger.ParseDate(a.date)
	if err != nil {
		return err
	}
	// The file and the slip are written after the transfer is posted:
	// make sure they can be, so that a bad path leaves the books untouched.
	for _, p := range []string{a.sepa, a.slip} {
		if p != "" {
			if err := checkPDFPath(p); err != nil {
				return err
			}
		}
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	t := transfers.Transfer{From: strings.TrimSpace(a.from), To: strings.TrimSpace(a.to), Amount: amount, Date: date, Label: a.label}
	ts := []transfers.Transfer{t}
	o := transfers.Options{Version: v, Path: a.sepa, Folder: filepath.Dir(file)}
	res, err := transfers.Post(r, ts, o)
	if err != nil {
		return err
	}
	f := res.Files[0]
	fmt.Fprintf(out, "Virement de %s du compte %s vers le compte %s le %s : écriture n° %d, fichier %s (%s).\n",
		fr.Euros(int64(amount)), t.From, t.To, ledger.FrenchDate(date), res.Entries[0], f.MsgID, v)
	if f.WriteErr != nil {
		return ledger.Wrap(ledger.KindOf(f.WriteErr), f.WriteErr, "Le virement est enregistré, mais son fichier n'a pas pu être écrit (%s) ; réécrivez-le avec transfer %s --again %s --sepa CHEMIN",
			ledger.Message(f.WriteErr), file, f.MsgID)
	}
	fmt.Fprintf(out, "Fichier de virement écrit : %s\n", f.Path)
	if a.slip != "" {
		if err := transfers.WriteSlip(r, a.slip, ts, map[int]string{0: f.Name}); err != nil {
			return ledger.Wrap(ledger.KindOf(err), err, "Le virement est enregistré, mais son bordereau n'a pas pu être écrit (%s)", ledger.Message(err))
		}
		fmt.Fprintf(out, "Bordereau de virement écrit : %s\n", a.slip)
	}
	return nil
}

func transferAgain(file string, a transferArgs, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	path, err := transfers.WriteAgain(r, strings.TrimSpace(a.again), a.sepa)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Fichier de virement %s réécrit à l'identique : %s\n", a.again, path)
	return nil
}
