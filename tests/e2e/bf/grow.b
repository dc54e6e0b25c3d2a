grow: the tape grows while a loop walks it: a ladder of six moves right
then six left crosses the first 1024 cells inside a compiled loop

++++++++++++++++++++[>++++++++++<-]>
[[->>>>>>+<<<<<<]>>>>>>-]
++++++++[<++++++++>-]<+.[-]++++++++++.
