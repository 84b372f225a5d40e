package text

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"persian", "رئیس جمهوری روسیه با همتای ترکیه‌ای خود گفت و گو کرد.", "fa"},
		{"persian typed with arabic yeh and kaf", "وزير امور خارجه ايران در ديدار با همتاي خود گفت كه اين توافق مهم است.", "fa"},
		{"arabic", "ناقش الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب إردوغان الاتفاقات الأخيرة.", "ar"},
		{"arabic without taa marbuta", "قال الوزير في مؤتمر صحفي إن المحادثات مع الجانب التركي كانت مثمرة", "ar"},
		{"english", "Russian President Vladimir Putin spoke by phone with his Turkish counterpart.", "en"},
		{"russian", "Президент России Владимир Путин провел телефонный разговор с президентом Турции.", "ru"},
		{"urdu", "وزیر اعظم نے کہا کہ پاکستان ہمیشہ امن چاہتا ہے اور بھارت سے بات کرے گا۔", "ur"},
		{"empty", "", ""},
		{"digits only", "۱۲۳ 456", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
