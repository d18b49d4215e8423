module stackorheap.dev/oracle/maps/swiss

go 1.26
