module example.com/oracle/probe

go 1.26
