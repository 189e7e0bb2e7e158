# cover.gp: the EPUB's cover, drawn by gnuplot like the notes' figures
# (scripts/build-epub.sh: gnuplot -e "out='FILE.png'" docs/cover.gp).
# The sigmoid over a hundred samples of two classes, and the book's title.
set terminal pngcairo size 1200,1800 enhanced font 'Sans,40' background '#fdfdfb'
set output out
unset border; unset tics; unset key
set lmargin at screen 0.08; set rmargin at screen 0.92
set tmargin at screen 0.62; set bmargin at screen 0.22
set xrange [-6:6]; set yrange [-0.12:1.12]
set samples 400
set label 1 "Logistic Regression" at screen 0.08, screen 0.88 left font 'Sans Bold,64' tc rgb '#222222'
set label 2 "from Scratch, in C" at screen 0.08, screen 0.81 left font 'Sans Bold,64' tc rgb '#222222'
set label 3 "A workbook: the model, its loss, gradient descent," at screen 0.08, screen 0.73 left font 'Sans,30' tc rgb '#555555'
set label 4 "Newton's method, softmax and more, each in C" at screen 0.08, screen 0.70 left font 'Sans,30' tc rgb '#555555'
set label 5 "σ(z) = 1 / (1 + e^{-z})" at screen 0.08, screen 0.12 left font 'Sans,36' tc rgb '#1a5b9c'
# two classes on either side of z = 0, with some overlap (a fixed pattern)
plot for [i=0:59] '+' using (-5.5 + 0.18*i + 0.6*sin(7.3*i)):(sin(3.1*i) < 0.25*(-5.5 + 0.18*i) ? 1 : 0) \
       every ::0::0 with points pt 7 ps 3 lc rgb (sin(3.1*i) < 0.25*(-5.5 + 0.18*i) ? '#D55E00' : '#0072B2'), \
     1/(1+exp(-x)) with lines lw 10 lc rgb '#222222'
