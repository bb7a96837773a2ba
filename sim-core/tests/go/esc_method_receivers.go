//go:build ignore

// Escape: pointer receivers that only read, that store themselves, and value receivers.
package main

type Account struct {
	Balance int
	Owner   string
}

var audit *Account

func (a *Account) Deposit(n int)  { a.Balance += n }
func (a *Account) Register()      { audit = a }
func (a *Account) Self() *Account { return a }
func (a Account) Report() string  { return a.Owner }
func (a *Account) OwnerName() string { return a.Owner }

func main() {
	x := Account{Owner: "x"}
	x.Deposit(5)
	y := Account{Owner: "y"}
	y.Register()
	z := Account{Owner: "z"}
	s := z.Self()
	println(x.Balance, audit.Owner, s.Report(), x.OwnerName())
}
