module stackorheap.dev/oracle/maps/classic

go 1.19
