package ledger

import (
	"fmt"
	"strconv"
	"strings"
)

// What an account is, read from its number in the chart of the
// copropriétés (décret n° 2005-240 and arrêté du 14 mars 2005, amended in
// 2016 and 2020). Every rule "an account starting with … is …" is written
// here once; the rest of the program asks these functions.

// Journals every residence has (created with it).
const (
	JournalPurchases = "AC" // supplier invoices
	JournalBank      = "BQ" // receipts, payments, transfers
	JournalMisc      = "OD" // calls for funds, closing, corrections
	JournalOpening   = "AN" // opening balances (à nouveaux)
)

// GeneralKey is the key every residence has: « 001 Charges générales »,
// whose shares are the owners' votes at the AG.
const GeneralKey = "001"

// Collective accounts: the parents of the owners' and the suppliers'
// individual accounts (the FEC's CompteNum for auxiliary accounts).
const (
	OwnersCollective    = "450000"
	SuppliersCollective = "401000"
)

// InOwnersRange says whether code is under 450, the owners' accounts
// (the individual ones and their collective).
func InOwnersRange(code string) bool { return strings.HasPrefix(code, "450") }

// IsOwnerAccount says whether code is an owner's own account, 450001 to
// 450999.
func IsOwnerAccount(code string) bool {
	return len(code) == 6 && InOwnersRange(code) && isDigits(code[3:]) && code != OwnersCollective
}

// OwnerNumber reads an owner's account 450001…450999 as its number.
func OwnerNumber(code string) (int, bool) {
	if !IsOwnerAccount(code) {
		return 0, false
	}
	return int(code[3]-'0')*100 + int(code[4]-'0')*10 + int(code[5]-'0'), true
}

// IsSupplierAccount says whether code is under 401, the suppliers'
// accounts.
func IsSupplierAccount(code string) bool { return strings.HasPrefix(code, "401") }

// IsCurrentBankAccount says whether code is a current bank account (512).
func IsCurrentBankAccount(code string) bool { return strings.HasPrefix(code, "512") }

// IsSavingsAccount says whether code is a placement (50x: livret, term
// account), annexe 1's « 50 Fonds placés ».
func IsSavingsAccount(code string) bool { return strings.HasPrefix(code, "50") }

// NextBankAccountCode proposes the first free account for a new bank
// account after those in use: 512xxx for a current account, 502xxx for a
// livret or a term account, which the chart puts with the placements (« 50
// Fonds placés » of annexe 1), never with the current accounts.
func NextBankAccountCode(inUse []string, savings bool) string {
	root := "512"
	if savings {
		root = "502"
	}
	n := 0
	for _, code := range inUse {
		if len(code) != 6 || !strings.HasPrefix(code, root) {
			continue
		}
		if k, err := strconv.Atoi(code[3:]); err == nil && k > n {
			n = k
		}
	}
	return fmt.Sprintf("%s%03d", root, n+1)
}

// HoldsMoney says whether code can hold money: a 50x, 51x or 53x account.
func HoldsMoney(code string) bool {
	return IsSavingsAccount(code) || strings.HasPrefix(code, "51") || strings.HasPrefix(code, "53")
}

// IsSuspenseAccount says whether code is a suspense account (47), to be
// cleared before the closing (arrêté du 14 mars 2005, art. 10).
func IsSuspenseAccount(code string) bool { return strings.HasPrefix(code, "47") }

// IsTreasuryAdvance says whether code is an advance of treasury (1031).
func IsTreasuryAdvance(code string) bool { return strings.HasPrefix(code, "1031") }

// IsExceptionalCharge says whether code is a charge of works or
// exceptional operations (67x), voted apart from the budget.
func IsExceptionalCharge(code string) bool { return strings.HasPrefix(code, "67") }

// IsCalledProvision says whether code is an income account the calls
// credit (70x): provisions called, not income that lowers the charges.
func IsCalledProvision(code string) bool { return strings.HasPrefix(code, "70") }

// IsBudgetProvision says whether code is the budget's provisions (701).
func IsBudgetProvision(code string) bool { return strings.HasPrefix(code, "701") }

// IsWorksProvision says whether code is a works campaign's provisions
// (702).
func IsWorksProvision(code string) bool { return strings.HasPrefix(code, "702") }

// IsCurrentOperation says whether code belongs to the current operations a
// budget covers (and the closing distributes as such): charges but works
// (67x), income but the provisions called (70x). The budget screen, the
// calls and the closing all ask this one function.
func IsCurrentOperation(code string) bool {
	switch AccountClass(code) {
	case 6:
		return !IsExceptionalCharge(code)
	case 7:
		return !IsCalledProvision(code)
	}
	return false
}

// BalanceGroup is the group of the chart an account of classes 1 to 5 is
// shown under on annexe 1 (état financier), the longest prefix first:
// "50", "51", "53" (other class 5), "459", "45", "40", "42-44", "46", "47",
// "48", "49", "1031", "1032", "1033", "103", "102", "105", "106", "131",
// "12", "1" (other class 1), "4" (other class 4); "" for classes 6 and 7.
func BalanceGroup(code string) string {
	for _, p := range []string{"50", "51", "459", "45", "40", "46", "47", "48", "49", "1031", "1032", "1033", "103", "102", "105", "106", "131", "12"} {
		if strings.HasPrefix(code, p) {
			return p
		}
	}
	switch {
	case strings.HasPrefix(code, "42"), strings.HasPrefix(code, "43"), strings.HasPrefix(code, "44"):
		return "42-44"
	case AccountClass(code) == 5:
		return "53"
	case AccountClass(code) == 1:
		return "1"
	case AccountClass(code) == 4:
		return "4"
	}
	return ""
}

// IsWorksFund says whether code is the works fund (105, loi du 10 juillet
// 1965 art. 14-2), which must be kept on a separate savings account.
func IsWorksFund(code string) bool { return strings.HasPrefix(code, "105") }

// IsAdvance says whether code is an advance of the owners (103).
func IsAdvance(code string) bool { return strings.HasPrefix(code, "103") }

// CanBeHeldFund says whether a savings account may hold code's money
// (seed 001's « fiche avance » with its « journal livret »): the works
// fund or an advance, a six-character account as the schema wants.
func CanBeHeldFund(code string) bool {
	return len(code) == 6 && (IsWorksFund(code) || IsAdvance(code)) && CheckAccountCode(code) == nil
}

// IsOneOffCallAccount says whether a one-off call (« appel direct », for an
// AG decision that is not a works campaign: seed 002) may credit code: the
// current provisions (701, an exceptional call of the budget), the
// exceptional operations and loan annuities outside any campaign (702000,
// 704000, distributed by the closing as exceptional income), the
// provisions for works decided not tied to a campaign (102000) or an
// advance (103). A campaign's own accounts (702ETU…) take its works calls.
func IsOneOffCallAccount(code string) bool {
	switch code {
	case "702000", "704000", "102000":
		return true
	}
	return IsBudgetProvision(code) || IsAdvance(code)
}

// OneOffCallKind is the kind of a one-off call crediting code: an advance
// on 103, a direct call otherwise.
func OneOffCallKind(code string) CallKind {
	if IsAdvance(code) {
		return AdvanceCall
	}
	return DirectCall
}

// The accounts a one-off call credits unless told otherwise: the current
// provisions, or for an advance the advances of treasury (1031, the fonds
// de roulement of décret du 17 mars 1967, art. 35).
const (
	DefaultOneOffAccount  = "701000"
	DefaultAdvanceAccount = "103100"
)
