package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"tantieme/app"
	"tantieme/app/importing"
	"tantieme/sheet"
)

func init() {
	commands["import"] = command{
		usage: "import TYPE FICHIER CLASSEUR [--sheet S] [--no-header | --header-row N] [--map champ=COL,...] [--at opening|closing] [--year N] [--label L] [--dry-run]   (TYPE : owners, shares, balance, entries, budget)",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			sheetName := fs.String("sheet", "", "feuille à lire (par défaut la première)")
			noHeader := fs.Bool("no-header", false, "la première ligne contient déjà des données")
			headerRow := fs.Int("header-row", 0, "ligne des en-têtes (par défaut : trouvée d'après les en-têtes reconnus)")
			mapping := fs.String("map", "", "colonnes des champs : champ=LETTRE ou champ=en-tête, séparés par des virgules")
			at := fs.String("at", "", "balance : opening (à nouveaux au premier jour de l'exercice) ou closing (OD au dernier jour de l'exercice précédent)")
			year := fs.Int("year", 0, "exercice commençant en N (budget : obligatoire ; balance : exercice N, par défaut l'exercice en cours)")
			label := fs.String("label", "", "balance : libellé de l'écriture de reprise")
			dryRun := fs.Bool("dry-run", false, "lire et contrôler le classeur sans rien écrire")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 3, "un type d'import, un fichier de résidence et un classeur"); err != nil {
					return err
				}
				kind := importing.Kind(pos[0])
				fields := importing.Fields(kind)
				if fields == nil {
					return usagef("type d'import inconnu « %s » (types : owners, shares, balance, entries, budget)", pos[0])
				}
				opts := importing.Options{Kind: kind, Sheet: *sheetName, HeaderRow: *headerRow, Year: *year, Label: *label}
				switch {
				case *noHeader && *headerRow != 0:
					return usagef("--no-header et --header-row s'excluent")
				case *noHeader:
					opts.HeaderRow = importing.NoHeader
				case *headerRow < 0:
					return usagef("--header-row attend un numéro de ligne")
				}
				switch {
				case *at != "" && kind != importing.Balance:
					return usagef("--at ne concerne que l'import de la balance")
				case *at != "" && *at != string(importing.BalanceOpening) && *at != string(importing.BalanceClosing):
					return usagef("--at attend opening ou closing, pas « %s »", *at)
				case *label != "" && kind != importing.Balance:
					return usagef("--label ne concerne que l'import de la balance")
				case kind == importing.Budget && *year == 0:
					return usagef("--year est obligatoire pour le budget")
				case *year != 0 && kind != importing.Budget && kind != importing.Balance:
					return usagef("--year ne concerne que le budget et la balance")
				}
				opts.At = importing.BalanceAt(*at)
				m, err := parseMapping(*mapping, fields)
				if err != nil {
					return err
				}
				opts.Mapping = m
				// The workbook is read before the residence is opened: a
				// file in the wrong format never gets near the books.
				wb, err := sheet.OpenWorkbook(pos[2])
				if err != nil {
					return err
				}
				open := app.Open
				if *dryRun {
					open = app.OpenReadOnly
				}
				r, err := open(pos[1])
				if err != nil {
					return err
				}
				defer r.Close()
				plan, err := importing.Prepare(r, wb, opts)
				if err != nil {
					return err
				}
				if *dryRun {
					writePreview(out, plan)
					return plan.Err()
				}
				rep, err := importing.Apply(r, plan)
				if err != nil {
					return err
				}
				fmt.Fprint(out, rep.String())
				return nil
			}
		},
	}
}

// parseMapping reads --map "name=B,shares=Tantièmes". Field names are
// checked here (a wrong one is bad usage); columns by the import, which
// knows the headers.
func parseMapping(s string, fields []importing.Field) (map[string]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	known := map[string]bool{}
	var names []string
	for _, f := range fields {
		known[f.Name] = true
		names = append(names, f.Name)
	}
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		name, col, ok := strings.Cut(part, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, usagef("--map attend champ=COLONNE, pas « %s »", strings.TrimSpace(part))
		}
		if !known[name] {
			return nil, usagef("--map : champ « %s » inconnu (champs : %s)", name, strings.Join(names, ", "))
		}
		out[name] = strings.TrimSpace(col)
	}
	return out, nil
}

// writePreview prints what an import would do: the columns read, then
// every problem when it would be refused, else the report.
func writePreview(out io.Writer, p *importing.Plan) {
	src := p.File
	if p.Sheet != "" {
		src += ", feuille « " + p.Sheet + " »"
	}
	fmt.Fprintf(out, "Aperçu (rien n'est écrit) : %s.\n", src)
	if p.HeaderRow > 0 {
		fmt.Fprintf(out, "En-têtes en ligne %d.\n", p.HeaderRow)
	} else {
		fmt.Fprintf(out, "Pas de ligne d'en-têtes : colonnes lues dans l'ordre prévu.\n")
	}
	fmt.Fprintf(out, "Colonnes :\n")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, f := range p.Fields {
		col := "(aucune)"
		if c := p.Mapping[f.Name]; c > 0 && c <= len(p.Columns) {
			col = p.Columns[c-1].String()
		}
		fmt.Fprintf(tw, "  %s (%s)\t%s\n", f.Label, f.Name, col)
	}
	tw.Flush()
	if p.Blocking() {
		fmt.Fprintf(out, "Problèmes :\n")
		for _, e := range p.Problems {
			sev := "erreur"
			if e.Warning {
				sev = "attention"
			}
			fmt.Fprintf(out, "  %s : %s\n", sev, e.Error())
		}
	}
	if !p.Blocking() {
		fmt.Fprint(out, p.Report.String()) // its warnings included
	}
}
