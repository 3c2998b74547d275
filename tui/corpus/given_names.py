"""Common given names across languages, as positive evidence that a capitalized word starts a
person's name ("Nigel" in "Exchequer Nigel Lawson") and as a reason a word alone is not enough
to name a person ("Barbara said" names nobody in particular).

Written as data, lower-case, transliterated the way English-language news spells them. Names
that are as often surnames or places in English news (Clinton, Howard, Jordan, Taylor, Kelly,
Scott, Ford, Lee, ...) are left out on purpose: a word here alone is never taken for a person.
"""

from __future__ import annotations

_ANGLO = """
aaron abby abigail adam adrian alan albert alec alex alexander alexandra alexis alfred alice
alison amanda amber amelia amy andrea andrew andy angela angie ann anna anne annie anthony
april arthur ashley audrey austin barbara barry beatrice becky ben benjamin bernard bernie
beth betty beverly bill billy bob bobby bonnie brad bradley brenda brendan brent brian
bridget britney brittany bruce bryan caleb carl carol caroline carolyn carrie catherine
cathy charles charlie charlotte chelsea cheryl chris christina christine christopher chuck
cindy claire clara claude clifford colin connie conor courtney cynthia daisy dan daniel
danielle danny darren dave david dawn debbie deborah debra denise dennis derek diana diane
dick don donald donna doris dorothy doug douglas dylan ed eddie edgar edith edmund edward
edwin eileen elaine eleanor elizabeth ellen emily emma eric erica erin ernest ethan eugene
evan evelyn fiona florence frances francis frank fred frederick gail gary gavin gene geoffrey
george georgia gerald geraldine gerry gilbert gillian gina glen glenn gloria greg gregory
gwen hannah harold harriet harry heather helen henry herbert hillary holly homer hugh ian
irene isaac isabel isabella jack jackie jacob jacqueline jake james jamie jane janet janice
jason jean jeanne jeff jeffery jeffrey jennifer jenny jeremy jerome jerry jesse jessica jill
jim jimmy jo joan joanna joanne jodie joe joel john johnny jon jonathan joseph josh joshua
joy joyce judith judy julia julian julie justin karen kate katherine kathleen kathryn kathy
katie keith ken kenneth kevin kim kimberly kirk kristen kurt kyle larry laura lauren
lawrence leah leonard leslie lily linda lindsay lisa liz lois lorraine louis louise lucy
luke lynn madeline madison maggie malcolm mandy margaret maria marian marie marilyn marion
marjorie mark martha martin marty mary matt matthew maureen megan melanie melissa melvin
melvyn meredith michael michele michelle mick mike mildred molly monica nancy naomi natalie
nathan neal ned neil nicholas nick nicola nicole nigel noah norma norman oliver olivia
oscar pam pamela pat patricia patrick paul paula pauline peggy penny percy pete peter phil
philip phillip phyllis polly priscilla rachel ralph randy ray raymond rebecca reggie
rhonda richard rick ricky rita rob robbie robert roberta robin rod rodney roger ron ronald
rosemary ross roy ruby rupert russ ruth sally sam samantha samuel sandra sandy sara sarah
sean sharon sheila shirley sidney simon sophie stacy stan stanley stella stephanie stephen
steve steven stuart sue susan suzanne sylvia tammy ted teddy terence teresa terri terry
theodore theresa thomas tim timothy tina toby todd tom tommy toni tony tracy trevor troy
jan ulric valerie vanessa vera vernon veronica vicki victor victoria vincent virginia wade
walter wanda wayne wendy wesley wilfred willard william willie winston yvonne zachary
zbigniew abe al alfonse barnett barnet bart beau bernice bertram buck bud burt calvin
candice cecil chad chester clarence clark clint cody cole curtis cyril dana darrell
darryl daryl dean delbert desmond dexter dolores dominic earl earnest elbert eli elijah
ellis elmer elwood emmett ervin everett felix floyd forrest garth gerard gordon grady
hal hank harvey herman horace hubert ira irving isaiah ivan jared jasper jay jeb jed
jerald jess jimmie joann jody johnnie kendall kerry kris lamar lance lee leland leon
leroy les lester lionel lloyd lonnie lorenzo lowell luther lyle mack marcus marsha
marshall maurice max merle milton mitchell monte morris myron nat neville newt nolan
norbert orville otis otto owen percival pierce preston quentin ramon randall reginald
rex rhett roderick rolf roland rollin rudolph rudy rufus russell sammy saul seymour
shane shawn sheldon sherman sherwood spencer sterling stewart sylvester terrence
thaddeus thelma tobias travis tyler ulysses vaughn vince virgil wallace ward warren
wilbur willis winifred woodrow wyatt
"""

_ROMANCE = """
adriana adriano agustin alain alberto alejandro alessandra alessandro alfonso alfredo
alicia alonso alvaro amparo ana andre andrea andres angel angelo anibal antoine antonio
armando arnaud arturo aurelio beatriz benito bernardo bruno camila camille carla carlo
carlos carmen carolina catalina cecilia cesar chantal christophe claudia claudio clemente
concepcion consuelo cristina cristobal dante dario delfin diego dolores domingo dominique
eduardo elena elian eliseo elisa elisabeth emilio emmanuel enrique enzo ernesto esteban
estela eugenio eva fabio fabrice federico felipe fernanda fernando fidel filippo flavio
francesca francesco francisco francois franco francoise gabriel gabriela gaston gerardo
giacomo gianni gilberto giorgio giovanni giulia giuseppe gonzalo graciela guadalupe
guido guillaume guillermo gustavo hector helene herve horacio hugo ignacio ines isabelle
jacques jaime javier jean-claude jean-marie jean-pierre jeanne jesus joao joaquin jorge
jose josefa josefina juan juana juanita julien julio laurent lazaro leonardo leticia
lionel lorena lourdes luca lucia luciano luis luisa luz manolo manuel manuela marcel
marcelo marco marcos margarita mariano mariela marina mario marisa marisol marta massimo
mateo matteo mauricio mauro mercedes michel miguel milagros mireille monique nadine
natalia nicolas ninoska olga orlando osvaldo pablo paola pascal pasquale patrice pedro
philippe pierre pilar rafael raimundo ramiro raquel raul renato rene ricardo roberto
rodrigo rolando romano ruben salvador sandro santiago sebastien sergio silvia silvio
simone sofia sylvie teodoro tomas ursula valentina valerio vicente victoria violeta
xavier yolanda yves
"""

_GERMANIC_NORDIC = """
anders anneliese annegret annalena arne axel bengt birgit bjorn bodo dieter dietrich
eckhard egon elke erich erik erika ernst franz friedrich fritz gerd gerhard gertrud
gisela gottfried gregor gudrun gunnar gunter gustav hanna hannelore hans hans-dietrich
hans-jurgen heidi heiko heinrich heinz helga helmut henrik herbert hermann horst ilse
ingrid jens joachim johan johann johannes jorg jurgen karin karl karl-heinz katrin klaus
kristian kurt lars lothar magnus manfred margit matthias mette nils olaf olof oskar
rainer reinhard rolf rudolf sabine sigmar sigrid soren stefan steffen sven thorsten
ulf ulla ulrich ulrike uwe volker walther werner wilhelm wolfgang
"""

_SLAVIC_BALTIC_HUNGARIAN_GREEK = """
aleksander aleksandr aleksei alexei alexey anatoly andrei andrzej anton arkady arpad
bogdan bohdan boris bronislaw czeslaw dmitri dmitry dragan dusan evgeny galina gennady
georgi grigory grzegorz igor ilya irina istvan ivana jaroslaw jerzy jiri josip karel
katarzyna konstantin krzysztof laszlo lech leonid lyudmila maciej marek miklos mikhail
milan milos miroslav mykola natalya nikita nikolai nikolay oksana oleg olena oleksandr
oleksiy pavel petr petro piotr radek radovan ruslan sergei sergey slobodan stanislav
svetlana tadeusz tatiana tatyana tomasz vaclav vadim valentin valery vasily viktor
vitaly vitali vladimir vladislav volodymyr vyacheslav wojciech yaroslav yevgeny yuri
yury zdenek zoran zsolt ferenc gabor janos jozsef tamas viktoria andreas alexandros
costas constantine dimitris giorgos kostas nikos panagiotis yannis glafcos
"""

_ARABIC_PERSIAN_TURKISH = """
abbas abdel abdul abdullah abdallah abdulaziz abdulrahman abu adel ahmad ahmed akbar ali
amin amir amr anwar ashraf ayman aziz bashar bassam dawood ebrahim ehsan emad fahd faisal
farid farouk fatima fawzi fuad ghassan habib hadi hafez hamad hamid hamza hani hasan
hashem hashemi hassan hatem hisham hossein hosni hussein ibrahim imad ismail jafar jalal
jamal javad jawad kamal karim khaled khalid khalil laila latif layla leila mahdi mahmoud
majid mansour marwan maryam masoud mehdi mohamed mohammad mohammed mohsen moammar muammar
mostafa muhammad mustafa nabil nader nasser nasrallah nawaf nizar omar osama qasim rafik
rahman rami rashid reza saad saddam saeed said salah saleh salim salman sami samir
sayed shirin sultan tariq walid yasser yasir youssef yousef yusuf zahra zaid zainab ziad
abdolreza akhtar alireza amine anas arash bahram behrouz cyrus dariush ehud farhad
farzad firouz golnar hamed hamidreza hassanali houshang kaveh kazem manouchehr mohammadreza
morteza nasrin parviz payam ramin saber shahram siamak soheil vahid yahya zarif
recep ahmet mehmet mustafa kemal ismet tayyip bulent ercan hakan murat necmettin suleyman
turgut yilmaz emine fethullah binali devlet abdelaziz abdelkader boutros kofi yitzhak
shimon benjamin ariel avigdor moshe yigal uzi uri ehud shlomo menachem golda natan naftali
yair tzipi benny avraham yaakov yosef dov amos
"""

_SOUTH_EAST_ASIAN = """
amit anil anand arjun arun ashok atal bhim deepak devendra gopal gurpreet harish indira
jawaharlal kapil krishna kumar lal mahatma manmohan mohan mukesh nalini narendra narasimha
nirmala nitin pranab prakash pratibha priya rahul raj rajiv rakesh ram ramesh ranjit ratan
ravi sachin sanjay shashi shiv sonia srinivas subhash sudhir sunil suresh sushma vijay
vikram vinod yashwant benazir nawaz imran asif pervez shahbaz zulfikar zia sheikh hasina
khaleda aung suu kyi thein ne win hun sen norodom sihanouk ranariddh
jiabao jintao jinping keqiang zemin xiaoping peng li wei ming hua jian jun yan ping lei
hong yong gang qiang hui xin tao zhiwei zhang ying qing lian yuan xiao mei ling yi
junichiro shinzo yoshihiko yukio taro ichiro hiroshi takeshi kenji akira haruki yoko
yuko yoshihisa ryosuke sachi keiko naoto tomiichi kiichi morihiro fumio yoshihide kim
jong un il dae jung moon jae park geun myung bak roh moo hyun
thaksin yingluck prayuth mahathir anwar najib susilo joko megawati suharto sukarno
corazon ferdinand gloria rodrigo benigno imelda nguyen tran
"""

_AFRICAN = """
abdoulaye abiy akinwumi amadou amina chinua cyril desmond goodluck hailemariam ibrahima
jacob jomo julius kagame kenneth kwame kwesi laurent mamadou mandla moussa muhammadu
mwai nelson ngozi nkosazana nnamdi olusegun oluwaseun paul robert sani seretse thabo
uhuru wole yoweri yaya zuma winnie kofi kwabena abena akua ama efua chukwuma emeka
obinna oluwadamilare tunde babatunde femi adebayo ade ayodele danjuma festus gbenga
jumoke kemi kunle lanre ngugi thiong wangari wanjiru kipchoge haile tegla samia
jakaya benjamin mkapa salva riek omar bashir
"""

_MISC = """
asher ariel boaz chaim eliezer ezra gideon ilan levi meir mordechai noam yehuda yoav
zvi sergio dilma lula jair cristina mauricio nestor evo hugo ollanta michelle kamala
hillary madeleine condoleezza condi jacinda angela ursula emmanuel mario giorgia pedro
olaf rishi boris theresa gordon keir liz
"""

GIVEN_NAMES = frozenset(
    w
    for block in (_ANGLO, _ROMANCE, _GERMANIC_NORDIC, _SLAVIC_BALTIC_HUNGARIAN_GREEK, _ARABIC_PERSIAN_TURKISH, _SOUTH_EAST_ASIAN, _AFRICAN, _MISC)
    for w in block.split()
) - frozenset(
    # Also common surnames, places or English words in news: never evidence on their own.
    "gordon marshall russell wallace warren spencer stewart lee kim park moon win ne kumar lal "
    "sheikh said sultan zia peng li jun tao yi il un jung roh moo bashir omar mandla lanre "
    "georgia virginia cyril sen hun clark ellis morris ward".split()
)
