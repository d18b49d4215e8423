module example.com/oracle/stdlib

go 1.26
